import { scopedId } from '../engine/apply-events.js';
import type { SendResult } from '../engine/types.js';
import { LiebianError } from '../errors/liebian-error.js';
import type { AppliedEvent } from '../mechanics/mechanic.js';
import { MAX_RECORDS_LISTED, type OperatorRecord, type RecordStore } from '../store/record-store.js';

/**
 * The record collection of held events.
 *
 * @example
 * const held = await store.listRecords(REVIEWS, { limit: 20 }); // or, typed: engine.reviews()
 */
export const REVIEWS = 'reviews';

/**
 * Where a held event is: waiting for an operator, approved (it applied, once) or rejected (it never applies).
 *
 * @example
 * const status: ReviewStatus = 'pending';
 * const waiting = await engine.reviews({ status });
 */
export type ReviewStatus = 'pending' | 'approved' | 'rejected';

/**
 * An event a risk check held for an operator (`RiskVerdict` `hold`).
 *
 * @example
 * for (const held of await engine.reviews({ status: 'pending' }))
 *   console.log(held.id, held.reasons.join('; '));
 */
export interface HeldEvent {
  /** `<instanceId>/<scoped id>` (the event id scoped to its actor and command, as the store keeps it). */
  readonly id: string;
  readonly status: ReviewStatus;
  readonly campaignId: string;
  readonly instanceId: string;
  readonly kind: string;
  /** The event as it arrived (type, id, actor, payload); it applies at the approval's time. */
  readonly event: AppliedEvent;
  /** Each holding check's `name: detail`. */
  readonly reasons: readonly string[];
  readonly heldAt: number;
  readonly decision: {
    readonly by: string;
    readonly at: number;
    /** Why it was rejected (required then); null for an approval. */
    readonly reason: string | null;
  } | null;
}

/**
 * An operator's decision on a held event. `by` is the operator's id, from authentication.
 *
 * @example
 * const decision: ReviewDecision = { decision: 'approve', by: operator.id };
 * await engine.decideReview(held.id, decision);
 */
export type ReviewDecision =
  | { readonly decision: 'approve'; readonly by: string }
  | { readonly decision: 'reject'; readonly by: string; readonly reason: string };

/**
 * What `engine.decideReview` answers: the held event as decided, whether this call decided it, and for an
 * approval the engine's answer to the event.
 *
 * @example
 * const outcome: ReviewOutcome = await engine.decideReview(held.id, { decision: 'approve', by: 'op-7' });
 * if (outcome.applied?.status === 'accepted') console.log('applied at version', outcome.applied.version);
 */
export interface ReviewOutcome {
  readonly review: HeldEvent;
  /** False when the review had this decision already (a second click, a retry): nothing new was decided. */
  readonly changed: boolean;
  /** An approval's answer from the engine (`accepted`, `duplicate` when it had applied already, or a refusal). */
  readonly applied: SendResult | null;
}

/**
 * Which held events `engine.reviews` lists: by status and campaign (default: all), newest first.
 *
 * @example
 * const query: ReviewQuery = { status: 'pending', campaignId: 'tea-set-bargain', limit: 20 };
 * const held = await engine.reviews(query);
 */
export interface ReviewQuery {
  readonly status?: ReviewStatus;
  readonly campaignId?: string;
  /** Default 100, at most 500. */
  readonly limit?: number;
}

interface ReviewData {
  readonly instanceId: string;
  readonly kind: string;
  readonly event: AppliedEvent;
  readonly reasons: readonly string[];
  readonly decision: HeldEvent['decision'];
}

const toHeld = (r: OperatorRecord): HeldEvent => {
  const d = r.data as ReviewData;
  return {
    id: r.id,
    status: r.status as ReviewStatus,
    campaignId: r.ref,
    instanceId: d.instanceId,
    kind: d.kind,
    event: d.event,
    reasons: d.reasons,
    heldAt: r.at,
    decision: d.decision,
  };
};

export interface ReviewQueueParts {
  /** The store's record methods; null when the store keeps none (a hold then fails `records-unsupported`). */
  readonly records: RecordStore | null;
  readonly now: () => number;
  /** Applies an approved event through the instance's mailbox, skipping the risk checks (they held it). */
  readonly apply: (instanceId: string, event: AppliedEvent) => Promise<SendResult>;
}

/**
 * The review queue behind `engine.send` (events a check held), `engine.reviews` and `engine.decideReview`. A held
 * event is a record keyed by instance and scoped event id, so a retried send finds the same record: still pending, it is
 * answered `held-for-review`; approved, it applies (once: its event id is taken in the commit); rejected, it is
 * answered `review-rejected`. A decision is a compare-and-set from pending, so of two operators deciding at once
 * one decision stands; approving again re-applies the event, which the engine answers as a duplicate.
 */
export function reviewQueue(parts: ReviewQueueParts) {
  const records = (): RecordStore => {
    if (parts.records) return parts.records;
    throw new LiebianError(
      'records-unsupported',
      'a risk check answered "hold" but the engine\'s store keeps no operator records (putRecord, updateRecord, getRecord, listRecords); use a store from @liebian/adapters or the memory store, or answer "review"',
    );
  };

  const refusal = (held: HeldEvent, reason: 'held-for-review' | 'review-rejected'): SendResult => ({
    status: 'rejected',
    instanceId: held.instanceId,
    eventId: held.event.eventId,
    reason,
    detail: reason === 'review-rejected' ? (held.decision?.reason ?? '') : held.reasons.join('; '),
    view: null,
  });

  return {
    /** Holds `event` (or finds it held already) and answers as its record says. */
    async hold(
      instance: { readonly id: string; readonly campaignId: string; readonly kind: string },
      event: AppliedEvent,
      reasons: readonly string[],
    ): Promise<SendResult> {
      const data: ReviewData = {
        instanceId: instance.id,
        kind: instance.kind,
        event,
        reasons,
        decision: null,
      };
      const { record } = await records().putRecord({
        collection: REVIEWS,
        id: `${instance.id}/${scopedId(event)}`,
        status: 'pending',
        ref: instance.campaignId,
        at: event.at,
        data,
      });
      const held = toHeld(record);
      if (held.status === 'approved') return parts.apply(held.instanceId, { ...held.event, at: parts.now() });
      return refusal(held, held.status === 'rejected' ? 'review-rejected' : 'held-for-review');
    },

    async list(query: ReviewQuery = {}): Promise<HeldEvent[]> {
      const rows = await records().listRecords(REVIEWS, {
        ...(query.status === undefined ? {} : { status: query.status }),
        ...(query.campaignId === undefined ? {} : { ref: query.campaignId }),
        limit: Math.min(query.limit ?? 100, MAX_RECORDS_LISTED),
      });
      return rows.map(toHeld);
    },

    async decide(id: string, decision: ReviewDecision): Promise<ReviewOutcome> {
      const store = records();
      if (decision.decision === 'reject' && decision.reason.trim() === '') {
        throw new LiebianError(
          'invalid-argument',
          `reason = "": a rejection states its reason (the event's sender is refused with it); give one`,
        );
      }
      const found = await store.getRecord(REVIEWS, id);
      if (!found)
        throw new LiebianError('unknown-review', `no held event "${id}"; list them with engine.reviews()`);
      const to: ReviewStatus = decision.decision === 'approve' ? 'approved' : 'rejected';
      const current = toHeld(found);
      const decided = {
        by: decision.by,
        at: parts.now(),
        reason: decision.decision === 'reject' ? decision.reason.trim() : null,
      };
      const { record, updated } =
        current.status === 'pending'
          ? await store.updateRecord(REVIEWS, id, {
              from: 'pending',
              to,
              data: { ...(found.data as ReviewData), decision: decided },
              at: decided.at,
            })
          : { record: found, updated: false };
      const review = toHeld(record ?? found);
      if (review.status !== to) {
        throw new LiebianError(
          'review-decided',
          `held event "${id}" was ${review.status} by ${review.decision?.by ?? 'someone'} already; a decision is final`,
        );
      }
      // Approved (now, or by an earlier call that may have died before applying): apply; its event id makes it once.
      const applied =
        to === 'approved' ? await parts.apply(review.instanceId, { ...review.event, at: parts.now() }) : null;
      return { review, changed: updated, applied };
    },
  };
}

export type ReviewQueue = ReturnType<typeof reviewQueue>;
