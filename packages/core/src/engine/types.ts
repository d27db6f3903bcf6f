import type { AnyCampaign } from '../campaign/define-campaign.js';
import type { CampaignPhase } from '../campaign/lifecycle.js';
import type { AssistView } from '../mechanics/assist/view.js';
import type { BargainView } from '../mechanics/bargain/view.js';
import type { CouponView } from '../mechanics/coupon/view.js';
import type { GroupBuyView } from '../mechanics/group-buy/view.js';
import type { LeaderboardView } from '../mechanics/leaderboard/view.js';
import type { Actor, Disclosure, Locale, RejectionReason } from '../mechanics/mechanic.js';
import type { ReferralView } from '../mechanics/referral/view.js';
import type { SwapView } from '../mechanics/swap/view.js';
import type { HeldEvent, ReviewDecision, ReviewOutcome, ReviewQuery } from '../operator/review-queue.js';
import type { Clock } from '../primitives/clock.js';
import type { IdSource } from '../primitives/ids.js';
import type { RandomSource } from '../primitives/random.js';
import type { Store } from '../store/store.js';
import type { RiskCheck } from './risk.js';

/**
 * The view of any instance, discriminated by `kind`.
 *
 * @example
 * const view = await engine.view(instanceId, { id: 'alice' });
 * if (view.kind === 'bargain') console.log(view.price); // a BargainView here
 */
export type InstanceView =
  | BargainView
  | AssistView
  | CouponView
  | GroupBuyView
  | LeaderboardView
  | ReferralView
  | SwapView;

/**
 * Something the integrator must act on (reward granted, refund due, …). Delivered at least once.
 *
 * @example
 * const consumer = createConsumer({
 *   store,
 *   name: 'rewards',
 *   handler: async (effect: Effect) => {
 *     if (effect.type === 'reward.granted') await grant(effect.dedupeKey, effect.actorId, effect.payload);
 *   },
 * });
 */
export interface Effect {
  readonly type: string;
  /** Stable across redeliveries: dedupe on it. */
  readonly dedupeKey: string;
  readonly instanceId: string;
  readonly campaignId: string;
  readonly kind: string;
  /** The event that caused it. */
  readonly eventId: string;
  readonly actorId: string;
  readonly at: number;
  readonly payload: Readonly<Record<string, unknown>>;
}

/**
 * A command from a client: `{ type: 'bargain.help', eventId }` plus the event's payload fields.
 *
 * @example
 * // A custom mechanic's command, before it is parsed by its own schema:
 * const command: AnyCommand = { type: 'quiz.answer', eventId: 'req-7', choice: 2 };
 */
export interface Command {
  readonly type: string;
  /** Idempotency key: sending the same event twice has the effect of sending it once. */
  readonly eventId?: string;
  readonly [payload: string]: unknown;
}

/**
 * What `engine.send` answers: `accepted` with the new view and effects (or `duplicate` when the event had
 * applied before), or `rejected` with a stable reason. A store fault throws instead: an unknown outcome is never
 * reported as a rejection.
 *
 * @example
 * const result: SendResult = await engine.send(id, { type: 'bargain.help', eventId }, { actor });
 * if (result.status === 'rejected') console.log(result.reason); // e.g. 'already-helped'
 */
export type SendResult =
  | {
      readonly status: 'accepted';
      readonly instanceId: string;
      readonly eventId: string;
      readonly version: number;
      /** The event had been applied before; nothing changed this time. */
      readonly duplicate: boolean;
      readonly view: InstanceView;
      readonly effects: readonly Effect[];
      /** Risk checks asked for review (the event applied; a `risk.review` effect was written). */
      readonly review: readonly string[];
      /**
       * Set when the addressed instance was full and the campaign's policy moved the event elsewhere (a group buy's
       * `whenFull`): the instance it was sent to. `instanceId` is where it applied.
       */
      readonly redirectedFrom?: string;
    }
  | {
      readonly status: 'rejected';
      readonly instanceId: string;
      readonly eventId: string;
      readonly reason: RejectionReason;
      /** Extra words from a risk check, for logs (not for end users). */
      readonly detail?: string;
      readonly view: InstanceView | null;
    };

/**
 * What `engine.start` answers: `accepted` with the new instance and its view (or `duplicate` when the same
 * `instanceId` was launched before), or `rejected` with a stable reason.
 *
 * @example
 * const launch: StartResult = await engine.start('tea-set-bargain', { actor: { id: 'alice' } });
 * if (launch.status === 'accepted') console.log(launch.instanceId, launch.view.kind);
 */
export type StartResult =
  | {
      readonly status: 'accepted';
      readonly instanceId: string;
      readonly version: number;
      readonly duplicate: boolean;
      readonly view: InstanceView;
    }
  | {
      readonly status: 'rejected';
      readonly instanceId: string;
      readonly reason: RejectionReason;
      readonly detail?: string;
    };

/**
 * What {@link createEngine} takes: the campaigns, and optionally the store, the injected clock, ids and
 * randomness, extra risk checks, and the limits of the event pipeline (each with its default).
 *
 * @example
 * const options: EngineOptions = {
 *   campaigns: [defineCampaign(json)],
 *   store: createMemoryStore(),
 *   clock: createManualClock('2026-12-02T10:00:00+08:00'),
 *   recordEvents: true,
 * };
 */
export interface EngineOptions {
  /** Validated campaigns (from `defineCampaign`) or raw definitions, validated here. */
  readonly campaigns: readonly (AnyCampaign | unknown)[];
  /** Where instances live. Defaults to a new memory store. */
  readonly store?: Store;
  readonly clock?: Clock;
  readonly random?: RandomSource;
  readonly ids?: IdSource;
  /** Extra risk checks, run after the built-ins derived from each campaign's `antiAbuse`. */
  readonly risk?: readonly RiskCheck[];
  /**
   * A best-effort hint, not delivery: called in this process after a commit, once per effect, without waiting and
   * with errors ignored. It is not called for commits made by other processes, nor again after a crash between the
   * commit and the call. Deliver effects with `createConsumer` (a durable cursor in the store) and use this
   * hook to wake it.
   *
   * @example
   * const consumer = createConsumer({ store, name: 'rewards', handler });
   * const engine = createEngine({ campaigns, store, onEffect: () => consumer.notify() });
   */
  readonly onEffect?: (effect: Effect) => void | Promise<void>;
  /**
   * Writes an event record (`event.applied`) to the outbox in the same commit as every event an actor sends that
   * applies, launches included: the event's type, actor, time, instance, initiator, whether the actor is new and the
   * channel they arrived through. It is what analytics counts (`createAnalytics`) and what `exportEventLog` writes.
   * Default false: the outbox then holds effects only. Records are not effects to act on: they are not in a
   * `SendResult`'s `effects`, but `onEffect` and every consumer see them (skip `type === 'event.applied'`).
   */
  readonly recordEvents?: boolean;
  /** Events applied per commit at most (default 256). */
  readonly maxBatch?: number;
  /**
   * Store commits in flight at once (default 4). Batches of different instances that are ready while every lane is
   * busy are committed together in one store call (group commit), each with its own version check.
   */
  readonly commitLanes?: number;
  /**
   * Instances' batches sent in one group commit at most (default 256): a larger group is fewer round trips, a
   * smaller one holds a store's locks for less time.
   */
  readonly commitGroupSize?: number;
  /** Events waiting per instance before `send` fails with `overloaded` (default 10,000). */
  readonly maxQueue?: number;
  /**
   * Instances kept in memory between batches at most (default: no count limit, only `cacheBytes`), least recently
   * written dropped first. A dropped instance costs one load at its next event.
   */
  readonly cacheSize?: number;
  /**
   * Memory the instance cache may hold, estimated (default 64 MiB): about 0.8 KB per cached instance plus 0.1 KB
   * per event id or claim known on it — a bargain after 9 helps is ≈ 2.6 KB, so the default keeps ≈ 25,000 such
   * instances. Size it to the instances active at once.
   */
  readonly cacheBytes?: number;
  /** Reload-and-reapply attempts after version conflicts (default 32). */
  readonly maxAttempts?: number;
  /**
   * How long one store call may take before it fails with `store-timeout` (default 5,000 ms). Every store fault is
   * a typed, retryable error (`store-unavailable`, `store-timeout`, `outcome-unknown`); a commit whose answer was
   * lost is read back before anything is answered or released.
   */
  readonly storeTimeoutMs?: number;
  /**
   * Campaigns removed for good: due timers of their instances are dropped (and reported through
   * `onTimerSkipped`). Timers of any other campaign this engine was not given are skipped and kept.
   */
  readonly retiredCampaigns?: readonly string[];
  /**
   * How long an instance is kept once it reaches a final state (purchased, expired, settled…); default: forever.
   * Then `tick` deletes it with its keys, claims and timers; its outbox entries stay until trimmed
   * (`store.trimOutbox`). Within the period a retried event is answered as a duplicate; after it, `unknown-instance`
   * (never applied twice). Instances without a final state (a referral link) are kept.
   */
  readonly retainEndedMs?: number;
  /** Hears of each due timer `tick` could not deliver: an unknown or retired campaign, or a store fault. */
  readonly onTimerSkipped?: (skipped: SkippedTimer) => void;
}

/**
 * A due timer `tick` did not deliver.
 *
 * @example
 * createEngine({
 *   campaigns,
 *   onTimerSkipped: (skipped: SkippedTimer) => log.warn('timer skipped', skipped.timerId, skipped.error),
 * });
 */
export interface SkippedTimer {
  readonly instanceId: string;
  readonly timerId: string;
  readonly dueAt: number;
  /** The instance's campaign, when the store could tell. */
  readonly campaignId: string | null;
  /** True when the timer was removed (a retired campaign); false when it stays to be tried again after its lease. */
  readonly dropped: boolean;
  readonly error: unknown;
}

export interface Engine {
  /** The validated campaign with this id. */
  campaign(id: string): AnyCampaign;
  /**
   * Every campaign this engine runs, as currently defined (after `replaceCampaign`), in the order given.
   *
   * @example
   * for (const c of engine.campaigns()) console.log(c.id, engine.phase(c.id));
   */
  campaigns(): AnyCampaign[];
  /** Launches an instance for `actor`. Idempotent when `instanceId` is given. */
  start(
    campaignId: string,
    options: { actor: Actor; instanceId?: string; input?: unknown; channel?: string },
  ): Promise<StartResult>;
  /**
   * Applies a command as `actor` (from authentication, never from the request body). `channel` is where the actor
   * came from (`moments`, `group`, `chat`, `poster`: the channel carried in a signed invite link), kept in the
   * event record when `recordEvents` is on.
   */
  send(
    instanceId: string,
    command: Command,
    options: { actor: Actor; channel?: string },
  ): Promise<SendResult>;
  /** The instance as `viewer` sees it now (null = anonymous visitor). Deadlines already passed are applied. */
  view(instanceId: string, viewer: Actor | null): Promise<InstanceView>;
  /**
   * Events a risk check held for an operator (verdict `hold`), newest first. Needs a store with operator records
   * (every shipped store has them).
   *
   * @example
   * const pending = await engine.reviews({ status: 'pending', campaignId: 'tea-set-bargain' });
   */
  reviews(query?: ReviewQuery): Promise<HeldEvent[]>;
  /**
   * Decides a held event, once: `approve` applies it (exactly once, however often it is approved), `reject`
   * refuses it with the stated reason for good. A different decision on a decided event fails `review-decided`.
   *
   * @example
   * await engine.decideReview(held.id, { decision: 'reject', by: 'op-7', reason: '同一设备批量助力' });
   */
  decideReview(id: string, decision: ReviewDecision): Promise<ReviewOutcome>;
  /** Where the campaign is now: draft, scheduled, live, paused or ended. */
  phase(campaignId: string): CampaignPhase;
  /**
   * Swaps in a new definition of a campaign (same id and kind), e.g. to pause or resume it. Running instances keep
   * the rules they started with; new instances get the new ones. Other engine processes need the same call. Once
   * the campaign has started, a change worse for consumers is refused (`rules-frozen`, naming each field).
   */
  replaceCampaign(campaign: AnyCampaign | unknown): void;
  /** The rules of a campaign in words, generated from its fields. */
  disclose(campaignId: string, locale: Locale): Disclosure;
  /**
   * Delivers every deadline due at `now` (default: the clock) and returns how many were handled. A timer that cannot
   * be delivered (its campaign is unknown, the store failed) is skipped and reported to `onTimerSkipped`; it never
   * stops the others.
   */
  tick(now?: number): Promise<number>;
  /** Effects committed after `cursor`, for at-least-once redelivery. Keep the last `cursor` you processed. */
  readEffects(cursor: string | null, limit?: number): Promise<{ cursor: string; effect: Effect }[]>;
  /** Waits for queued events, then refuses new ones. Disposes the store only if the engine created it. */
  dispose(): Promise<void>;
}
