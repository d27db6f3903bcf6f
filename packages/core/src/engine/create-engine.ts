import { type AnyCampaign, ensureCampaign } from '../campaign/define-campaign.js';
import { campaignPhase } from '../campaign/lifecycle.js';
import { parseOrThrow } from '../errors/from-zod.js';
import { isLiebianError, LiebianError } from '../errors/liebian-error.js';
import {
  type Actor,
  type AppliedEvent,
  NOTICE_ACTOR,
  type Notice,
  TIMER_ACTOR,
} from '../mechanics/mechanic.js';
import { mechanicFor } from '../mechanics/registry.js';
import { reviewQueue } from '../operator/review-queue.js';
import { systemClock } from '../primitives/clock.js';
import { nanoidSource } from '../primitives/ids.js';
import { drawSeed, systemRandom } from '../primitives/random.js';
import { guardStore } from '../store/guarded-store.js';
import { createMemoryStore } from '../store/memory-store.js';
import { hasRecords } from '../store/record-store.js';
import type { ClaimedTimer } from '../store/store.js';
import { applyBatch, type PendingEvent, pause } from './apply-batch.js';
import { dedupeKeyOf, takeOf } from './apply-events.js';
import { boardFacts, withStandings } from './board-io.js';
import { CommitGroups } from './commit-groups.js';
import { deadlineEvent, timerChanges } from './deadlines.js';
import { eventRecord, parseChannel } from './event-record.js';
import { InstanceCache, type LoadedInstance } from './instance-cache.js';
import { listedInstances, listingChange } from './listing.js';
import { NOTHING_OWED, persist, stateOf, step } from './machine-step.js';
import { Mailboxes } from './mailbox.js';
import { doOwed, OWED_TIMER, owedTimer, owesAnything } from './owed.js';
import { assertSizes, assertStorable, parseActor, parseCommand, parseInstanceId } from './parse-input.js';
import { reconcileCommit } from './reconcile.js';
import { RETIRE_TIMER } from './retention.js';
import { BUILT_IN_RISK_CHECKS, runRiskChecks } from './risk.js';
import type { Effect, Engine, EngineOptions, InstanceView, SendResult, StartResult } from './types.js';

const TIMER_LEASE_MS = 30_000;
/** Due timers one tick claims, delivers and acknowledges together. */
const TIMER_BATCH = 500;
/** Open instances an overflowing event tries before one is opened for it. */
const OVERFLOW_CANDIDATES = 5;

/** Why nothing new may start in a phase other than live. */
const PHASE_REJECTION = {
  draft: 'campaign-not-started',
  scheduled: 'campaign-not-started',
  paused: 'campaign-paused',
  ended: 'campaign-ended',
} as const;

/**
 * Creates the campaign engine.
 *
 * @example
 * const engine = createEngine({ campaigns: [defineCampaign(json)], store: createMemoryStore() });
 * const started = await engine.start('spring-bargain', { actor: { id: 'alice' } });
 * await engine.send(started.instanceId, { type: 'bargain.help', eventId: 'e1' }, { actor: { id: 'bob' } });
 */
export function createEngine(options: EngineOptions): Engine {
  assertSizes(options);
  const ownsStore = options.store === undefined;
  // Every store call is bounded in time and fails with a typed, retryable error (see guardStore).
  const rawStore = options.store ?? createMemoryStore();
  const store = guardStore(rawStore, options.storeTimeoutMs);
  const retired = new Set(options.retiredCampaigns ?? []);
  const clock = options.clock ?? systemClock;
  const random = options.random ?? systemRandom;
  const ids = options.ids ?? nanoidSource();
  const risk = [...BUILT_IN_RISK_CHECKS, ...(options.risk ?? [])];
  const campaigns = new Map<string, AnyCampaign>();
  for (const input of options.campaigns) {
    const campaign = ensureCampaign(input);
    if (campaigns.has(campaign.id)) {
      throw new LiebianError(
        'invalid-argument',
        `two campaigns have the id "${campaign.id}"; campaign ids must be unique`,
      );
    }
    campaigns.set(campaign.id, campaign);
  }
  const cache = new InstanceCache(store, campaigns, options.cacheSize, options.cacheBytes);
  const commits = new CommitGroups(store, options.commitLanes ?? 4, options.commitGroupSize ?? 256);
  let disposed = false;

  const deliver = (effects: readonly Effect[]) => {
    if (!options.onEffect) return;
    for (const effect of effects) {
      // A hint only: a failing handler does not undo the commit; a durable consumer (createConsumer) delivers.
      Promise.resolve()
        .then(() => options.onEffect?.(effect))
        .catch(() => {});
    }
  };

  const mailboxes = new Mailboxes(
    (instanceId, batch, pipeline) =>
      applyBatch(
        {
          store,
          commits,
          cache,
          maxAttempts: options.maxAttempts ?? 32,
          retainEndedMs: options.retainEndedMs,
          recordEvents: options.recordEvents === true,
          now: () => clock.now(),
          jitter: () => random.next(),
          deliver,
          notify: (notices) => {
            for (const notice of notices) void tell(notice);
          },
        },
        instanceId,
        batch,
        pipeline,
      ),
    options.maxBatch ?? 256,
    options.maxQueue ?? 10_000,
  );

  /** The launch's event record, when the engine keeps them. */
  const launchRecord = (
    where: Parameters<typeof eventRecord>[0],
    event: AppliedEvent,
    channel: string | null,
  ) =>
    options.recordEvents === true
      ? [eventRecord(where, event, { friend: false, initiatorId: event.actor.id, channel })]
      : [];

  const alive = () => {
    if (disposed) throw new LiebianError('engine-disposed', 'this engine was disposed; create a new one');
  };

  const campaign = (id: string): AnyCampaign => {
    const found = campaigns.get(id);
    if (!found) {
      throw new LiebianError(
        'unknown-campaign',
        `no campaign "${id}"; this engine has: ${[...campaigns.keys()].join(', ') || 'none'}`,
      );
    }
    return found;
  };

  /**
   * Queues an event and answers once it is committed — and once the instances its commit owes notices have applied
   * them, so a view read next agrees with the answer.
   */
  const post = (instanceId: string, item: Omit<PendingEvent, 'resolve' | 'reject'>) =>
    new Promise<SendResult>((resolve, reject) =>
      mailboxes.post(instanceId, {
        ...item,
        resolve: (result, notices = []) => {
          if (notices.length === 0) resolve(result);
          else void Promise.all(notices.map(tell)).then(() => resolve(result));
        },
        reject,
      }),
    );

  /** Delivers a notice to its instance; idempotent by its event id. The store's records stay the truth if it fails. */
  const tell = (notice: Notice): Promise<unknown> =>
    post(notice.instanceId, {
      event: { ...notice.event, eventId: notice.eventId, actor: NOTICE_ACTOR, at: clock.now() },
      blocked: null,
      review: [],
    }).catch(() => undefined);

  // Events a risk check held: kept as records in the store until an operator decides (operator/review-queue.ts).
  const reviews = reviewQueue({
    records: hasRecords(rawStore) ? rawStore : null,
    now: () => clock.now(),
    apply: async (instanceId, event) => {
      const instance = cache.peek(instanceId) ?? (await cache.get(instanceId));
      if (!instance) throw new LiebianError('unknown-instance', `instance "${instanceId}" does not exist`);
      const paused =
        instance.mechanic.isFriendAction(event.type) &&
        campaignPhase(instance.campaign, event.at) === 'paused';
      const blocked = paused
        ? { reason: 'campaign-paused' as const, detail: 'the campaign is paused' }
        : null;
      return post(instanceId, { event, blocked, review: [] });
    },
  });

  const engine: Engine = {
    campaign,

    campaigns: () => [...campaigns.values()],

    async start(
      campaignId,
      { actor: rawActor, instanceId: requestedId, input: rawInput, channel: rawChannel },
    ): Promise<StartResult> {
      alive();
      const actor = parseActor(rawActor);
      const channel = parseChannel(rawChannel);
      const found = campaign(campaignId);
      const mechanic = mechanicFor(found.kind);
      const input = mechanic.startSchema
        ? parseOrThrow(mechanic.startSchema, rawInput, 'invalid-event', 'Start input')
        : undefined;
      assertStorable(input, 'invalid-event', 'Start input');
      const now = clock.now();
      const instanceId = requestedId === undefined ? ids() : parseInstanceId(requestedId);
      const phase = campaignPhase(found, now);
      if (phase !== 'live') return { status: 'rejected', instanceId, reason: PHASE_REJECTION[phase] };

      // A fresh id cannot exist yet; a requested one may be a retry of a launch that applied.
      const existing = requestedId === undefined ? null : await cache.get(instanceId, true);
      if (existing) return startedAlready(existing, actor, now);
      const allowed = mechanic.startDecision?.(found, actor);
      if (allowed && !allowed.ok) return { status: 'rejected', instanceId, reason: allowed.reason };

      const event: AppliedEvent = {
        type: `${found.kind}.start`,
        eventId: `start:${instanceId}`,
        actor,
        at: now,
      };
      const initiator = { id: actor.id, deviceId: actor.deviceId ?? null };
      const verdict = await runRiskChecks(risk, {
        campaign: found,
        instance: { id: instanceId, initiator },
        event,
        friendAction: false,
        store,
      });
      if (verdict.block)
        return { status: 'rejected', instanceId, reason: verdict.block.reason, detail: verdict.block.detail };

      // Launch limits are taken by the commit itself: all or nothing with the launch.
      const reservations = mechanic.startReservations(found, actor, instanceId);
      const state = mechanic.initialState({
        campaign: found,
        instanceId,
        initiator: actor,
        now,
        seed: drawSeed(random),
        input,
      });
      const snapshot = mechanic.machine.resolveState(state);
      const startedEffect: Effect = {
        type: `${found.kind}.started`,
        dedupeKey: dedupeKeyOf(instanceId, `start:${instanceId}`, `${found.kind}.started`, 0),
        instanceId,
        campaignId: found.id,
        kind: found.kind,
        eventId: event.eventId,
        actorId: actor.id,
        at: now,
        payload: {},
      };
      const listings = listingChange(
        mechanic,
        { campaignId: found.id, instanceId, version: 1 },
        null,
        snapshot,
        now,
      );
      const owed = { ...NOTHING_OWED, listings };
      const timers = timerChanges(found.kind, [], mechanic.deadlines(state));
      if (owesAnything(owed)) timers.upsert.push(owedTimer(now));
      const batch = {
        expectedVersion: 0,
        campaignId: found.id,
        kind: found.kind,
        snapshot: persist(snapshot, owed),
        keys: [`e:${event.eventId}`],
        timers,
        outbox: [
          startedEffect,
          ...launchRecord({ instanceId, campaignId: found.id, kind: found.kind }, event, channel),
        ].map((e) => ({
          type: e.type,
          dedupeKey: e.dedupeKey,
          payload: e,
        })),
        counters: reservations.map(takeOf),
        now,
      };
      // null: the answer was lost and a read-back settled it (the launch may be this one's).
      const result = await commits.commit(instanceId, batch).catch(async (error: unknown) => {
        const settled = await reconcileCommit(store, instanceId, 0, batch.keys, pause);
        if (settled !== 'unknown') return null;
        throw new LiebianError(
          'outcome-unknown',
          `starting "${instanceId}": the commit's answer was lost and reading back could not settle it; retrying with the same instanceId is safe`,
          { cause: error },
        );
      });
      if (result !== null && !result.ok && result.reason === 'exhausted') {
        const lacking = reservations[result.short[0] ?? 0];
        return { status: 'rejected', instanceId, reason: lacking?.reason ?? 'sold-out' };
      }
      if (result === null || !result.ok) {
        const winner = await cache.get(instanceId, true);
        if (!winner)
          throw new LiebianError(
            result === null ? 'outcome-unknown' : 'store-conflict',
            `instance "${instanceId}" could not be created; retrying with the same instanceId is safe`,
          );
        return startedAlready(winner, actor, now);
      }
      await doOwed(store, mechanic, instanceId, owed);
      const loaded = { id: instanceId, campaign: found, mechanic, version: result.version, snapshot };
      cache.set(loaded);
      deliver([startedEffect]);
      const view = mechanic.view(stateOf(snapshot), actor, { now, viewerClaims: new Set() }) as InstanceView;
      return { status: 'accepted', instanceId, version: result.version, duplicate: false, view };
    },

    async send(instanceId, command, { actor: rawActor, channel: rawChannel }): Promise<SendResult> {
      alive();
      const actor = parseActor(rawActor);
      const channel = parseChannel(rawChannel);
      const instance = cache.peek(instanceId) ?? (await cache.get(instanceId));
      if (!instance) throw new LiebianError('unknown-instance', `instance "${instanceId}" does not exist`);
      const { mechanic } = instance;
      const { eventId = ids(), payload } = parseCommand(mechanic, command);
      const event: AppliedEvent = { ...payload, eventId, actor, at: clock.now() };
      const context = stateOf(instance.snapshot).context;
      const friendAction = mechanic.isFriendAction(event.type);
      const verdict = await runRiskChecks(risk, {
        campaign: instance.campaign,
        instance: { id: instanceId, initiator: mechanic.initiatorOf(context) },
        event,
        friendAction,
        store,
      });
      const paused = friendAction && campaignPhase(instance.campaign, event.at) === 'paused';
      const blocked = paused
        ? { reason: 'campaign-paused' as const, detail: 'the campaign is paused' }
        : verdict.block && { reason: verdict.block.reason, detail: verdict.block.detail };
      if (blocked === null && verdict.hold.length > 0)
        return reviews.hold(
          { id: instanceId, campaignId: instance.campaign.id, kind: mechanic.kind },
          event,
          verdict.hold,
        );
      const result = await post(instanceId, { event, blocked, review: verdict.review, channel });
      const policy =
        result.status === 'rejected'
          ? (mechanic.overflow?.(instance.campaign, event, result.reason) ?? 'reject')
          : 'reject';
      return policy === 'reject'
        ? result
        : overflow(instance, event, verdict.review, policy, result, channel);
    },

    async view(instanceId, viewer) {
      alive();
      const actor = viewer === null ? null : parseActor(viewer);
      const instance = await cache.load(instanceId);
      if (!instance) throw new LiebianError('unknown-instance', `instance "${instanceId}" does not exist`);
      const { mechanic } = instance;
      const now = clock.now();
      // Show deadlines already passed as applied; the timer or the next event persists them.
      let snapshot = instance.snapshot;
      for (;;) {
        const due = mechanic.deadlines(stateOf(snapshot)).find((d) => d.dueAt <= now);
        if (!due) break;
        const event = await withStandings(
          store,
          mechanic,
          stateOf(snapshot),
          deadlineEvent(mechanic.kind, due),
        );
        const next = step(mechanic, snapshot, event);
        if (!next) break;
        snapshot = next.snapshot;
      }
      const claims = actor === null ? [] : mechanic.viewerClaims(actor.id);
      const seen =
        claims.length === 0
          ? []
          : await store.seen(
              instanceId,
              claims.map((c) => `c:${c}`),
            );
      const viewerClaims = new Set(claims.filter((_, i) => seen[i]));
      const board = await boardFacts(store, mechanic, snapshot, actor);
      const facts = board === undefined ? { now, viewerClaims } : { now, viewerClaims, board };
      return mechanic.view(stateOf(snapshot), actor, facts) as InstanceView;
    },

    async reviews(query) {
      alive();
      return reviews.list(query);
    },

    async decideReview(id, decision) {
      alive();
      return reviews.decide(id, decision);
    },

    phase(campaignId) {
      return campaignPhase(campaign(campaignId), clock.now());
    },

    replaceCampaign(input) {
      const next = ensureCampaign(input);
      const current = campaign(next.id);
      if (current.kind !== next.kind) {
        throw new LiebianError(
          'invalid-argument',
          `campaign "${next.id}" is a ${current.kind}; a replacement cannot change its kind`,
        );
      }
      // Published terms only change in the consumer's favour once the campaign has started (规范促销行为暂行规定).
      const phase = campaignPhase(current, clock.now());
      const worse =
        phase === 'live' || phase === 'paused' ? mechanicFor(next.kind).compareRules(current, next) : [];
      if (worse.length > 0) {
        throw new LiebianError(
          'rules-frozen',
          `campaign "${next.id}" has started; these changes are worse for consumers:\n${worse.map((i) => `  - ${i.path}: ${i.message}`).join('\n')}`,
          { issues: worse },
        );
      }
      campaigns.set(next.id, next);
      cache.evictCampaign(next.id);
    },

    disclose(campaignId, locale) {
      const found = campaign(campaignId);
      return mechanicFor(found.kind).disclose(found, locale);
    },

    async tick(now = clock.now()) {
      alive();
      const due = await store.claimDueTimers(now, TIMER_BATCH, TIMER_LEASE_MS);
      // Delivered through the mailboxes (so their commits go to the store in groups), acknowledged in one call.
      const handled = await Promise.all(
        due.map((timer) =>
          deliverTimer(timer).then(
            () => true,
            (error: unknown) => skipTimer(timer, error),
          ),
        ),
      );
      const acks = due
        .filter((_, i) => handled[i])
        .map(({ instanceId, timerId, leaseId }) => ({ instanceId, timerId, leaseId }));
      // An ack that fails leaves delivered timers leased: they come back when the lease ends and are answered as
      // duplicates of their applied deadline events (delivery is idempotent), so nothing is lost or done twice.
      if (acks.length > 0) await store.ackTimers(acks).catch(() => {});
      return acks.length;
    },

    async readEffects(cursor, limit = 100) {
      const items = await store.readOutbox(cursor, limit);
      return items.map((item) => ({ cursor: item.cursor, effect: item.payload as Effect }));
    },

    async dispose() {
      if (disposed) return;
      disposed = true;
      await mailboxes.idle();
      if (ownsStore) await store.dispose();
    },
  };
  return engine;

  /** Delivers one due timer (the tick acknowledges it). */
  async function deliverTimer(timer: ClaimedTimer): Promise<void> {
    if (timer.timerId === RETIRE_TIMER) {
      // Retention is over: the instance goes with its keys, claims and timers (this timer included).
      await store.delete(timer.instanceId);
      cache.forget(timer.instanceId);
      return;
    }
    if (timer.timerId === OWED_TIMER) {
      // What a commit owed, in case its process died before doing it (done twice, it changes nothing).
      const loaded = await cache.load(timer.instanceId);
      if (loaded?.owed) {
        const notices = await doOwed(store, loaded.mechanic, loaded.id, loaded.owed);
        await Promise.all([...notices.values()].map(tell));
      }
      return;
    }
    const event = { ...(timer.event as AppliedEvent), actor: TIMER_ACTOR };
    await post(timer.instanceId, { event, blocked: null, review: [] }).catch((error: unknown) => {
      if (!isLiebianError(error, 'unknown-instance')) throw error;
    });
  }

  /**
   * A timer that could not be delivered never stops the others. One of a retired campaign (`retiredCampaigns`) is
   * dropped; any other stays in the store and comes back when its lease ends (a campaign this engine was not given,
   * a store fault). Either way `onTimerSkipped` hears of it. Returns false: not handled.
   */
  async function skipTimer(timer: ClaimedTimer, error: unknown): Promise<false> {
    let campaignId: string | null = null;
    let dropped = false;
    if (isLiebianError(error, 'unknown-campaign')) {
      campaignId = (await store.load(timer.instanceId).catch(() => null))?.campaignId ?? null;
      if (campaignId !== null && retired.has(campaignId)) {
        const { instanceId, timerId, leaseId } = timer;
        dropped = await store.ackTimers([{ instanceId, timerId, leaseId }]).then(
          () => true,
          () => false,
        );
      }
    }
    const { instanceId, timerId, dueAt } = timer;
    options.onTimerSkipped?.({ instanceId, timerId, dueAt, campaignId, dropped, error });
    return false;
  }

  /**
   * The addressed instance is full and the campaign moves the event on: first to other open instances of the
   * campaign, fullest first, from the listing every process keeps on the store (`overflow`; each re-checks
   * atomically, so a stale entry only costs a refusal), then to a new instance the actor starts. The new
   * instance's id is derived from the event id, so a retried event finds the same instance.
   */
  async function overflow(
    from: LoadedInstance,
    event: AppliedEvent,
    review: readonly string[],
    policy: 'overflow' | 'open-new',
    refused: SendResult,
    channel: string | null,
  ): Promise<SendResult> {
    const { mechanic, campaign: found } = from;
    const moved = (result: SendResult): SendResult =>
      result.status === 'accepted' ? { ...result, redirectedFrom: from.id } : result;
    if (policy === 'overflow') {
      const listed = await listedInstances(store, found.id, OVERFLOW_CANDIDATES + 1);
      for (const candidate of listed.filter((id) => id !== from.id).slice(0, OVERFLOW_CANDIDATES)) {
        // A listed instance deleted since is skipped like a full one.
        const result = await post(candidate, { event, blocked: null, review, channel }).catch(
          (error: unknown) => {
            if (isLiebianError(error, 'unknown-instance')) return null;
            throw error;
          },
        );
        if (result?.status === 'accepted') return moved(result);
      }
    }
    // A mechanic whose launch needs input (a swap's item) cannot be opened on the actor's behalf.
    if (mechanic.startSchema) return refused;
    const instanceId = `${from.id}.${event.eventId}`.slice(0, 128).replace(/[^A-Za-z0-9_.:-]/g, '-');
    const started = await engine.start(found.id, {
      actor: event.actor,
      instanceId,
      ...(channel === null ? {} : { channel }),
    });
    if (started.status === 'rejected') return refused;
    return {
      status: 'accepted',
      instanceId: started.instanceId,
      eventId: event.eventId,
      version: started.version,
      duplicate: started.duplicate,
      view: started.view,
      effects: [],
      review,
      redirectedFrom: from.id,
    };
  }

  function startedAlready(
    existing: {
      id: string;
      version: number;
      snapshot: import('xstate').AnyMachineSnapshot;
      mechanic: import('../mechanics/mechanic.js').AnyMechanic;
    },
    actor: Actor,
    now: number,
  ): StartResult {
    const state = stateOf(existing.snapshot);
    if (existing.mechanic.initiatorOf(state.context).id !== actor.id) {
      throw new LiebianError(
        'invalid-argument',
        `instance "${existing.id}" already exists and belongs to someone else; start without instanceId`,
      );
    }
    const view = existing.mechanic.view(state, actor, { now, viewerClaims: new Set() }) as InstanceView;
    return { status: 'accepted', instanceId: existing.id, version: existing.version, duplicate: true, view };
  }
}
