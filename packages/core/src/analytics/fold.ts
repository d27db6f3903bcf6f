import type { AnyCampaign } from '../campaign/define-campaign.js';
import { EVENT_RECORD, type EventRecordPayload } from '../engine/event-record.js';
import type { Effect } from '../engine/types.js';
import { calendarDay } from '../primitives/time.js';
import type { Store } from '../store/store.js';
import { type AnalyticsBoards, analyticsBoards, cellMember } from './boards.js';
import { readMoney } from './money-facts.js';

/** Where one outbox entry lands: its campaign's boards, its day and channel. */
interface Place {
  readonly store: Store;
  readonly boards: AnalyticsBoards;
  readonly day: string;
  readonly channel: string | null;
  readonly at: number;
  /** The entry's dedupe key: every count it makes is keyed by it. */
  readonly key: string;
}

/** Adds `delta` to a cell once per `key` (default: once for this entry). */
const count = (place: Place, metric: string, delta = 1, key = `${place.key}|${metric}`) =>
  delta === 0
    ? Promise.resolve()
    : place.store.incrementScore({
        board: place.boards.cells,
        member: cellMember(metric, place.day, place.channel),
        delta,
        at: place.at,
        key,
      });

/** Counts an actor once per campaign for `metric`, on the day and channel where it is first seen. */
const once = (place: Place, metric: string, actorId: string) =>
  count(place, metric, 1, `${metric}|${actorId}`);

/** Sets a board entry once (the first value wins; later calls change nothing). */
const setOnce = (place: Place, board: string, member: string, value: number) =>
  place.store.incrementScore({ board, member, delta: value, at: place.at, key: `set|${member}` });

/**
 * Folds one outbox entry of a campaign into its analytics boards, idempotently: every increment is keyed by the
 * entry's dedupe key or by the actor it counts once, so folding an entry again — a replay, a take-over, a crash
 * before the cursor moved — changes nothing. Entries must be folded in outbox order (a friend's generation is read
 * from the board the initiator's launch wrote).
 *
 * @example
 * await foldEntry(store, campaign, effect); // from a consumer's handler
 */
export async function foldEntry(store: Store, campaign: AnyCampaign, effect: Effect): Promise<void> {
  const boards = analyticsBoards(campaign.id);
  const day = calendarDay(effect.at, campaign.timezone);
  if (effect.type === EVENT_RECORD) {
    const record = effect.payload as unknown as EventRecordPayload;
    const place: Place = {
      store,
      boards,
      day,
      channel: record.channel,
      at: effect.at,
      key: effect.dedupeKey,
    };
    await foldRecord(place, effect, record);
    return;
  }
  const place: Place = { store, boards, day, channel: null, at: effect.at, key: effect.dedupeKey };
  await count(place, `effects:${effect.type}`);
  const reason = effect.payload.reason;
  if (typeof reason === 'string') await count(place, `effects:${effect.type}:${reason}`);
  const money = readMoney(campaign, effect);
  for (const fact of money.facts) await count(place, fact.metric, fact.amount);
  for (const payer of money.payers) await once(place, 'payers', payer);
  if (money.couponIssued)
    await setOnce(place, boards.coupons, money.couponIssued.couponId, money.couponIssued.discountFen);
  if (money.couponRedeemed !== undefined) {
    const coupon = await store.scoreOf(boards.coupons, money.couponRedeemed);
    if (coupon) await count(place, 'subsidy-fen', coupon.score);
  }
}

async function foldRecord(place: Place, effect: Effect, record: EventRecordPayload): Promise<void> {
  const { store, boards } = place;
  const actor = effect.actorId;
  await count(place, `actions:${record.event}`);
  await once(place, `actors:${record.event}`, actor);
  if (record.newUser) await once(place, 'new-users', actor);
  if (!record.friend) {
    if (!record.event.endsWith('.start')) return;
    await count(place, 'launches');
    await once(place, 'participants', actor);
    await setOnce(place, boards.launches, effect.instanceId, effect.at);
    // A participant's generation: one more than the friend they were when they first acted, else a seed (0).
    const arrived = await store.scoreOf(boards.arrival, actor);
    const generation = arrived ? arrived.score - 1 : 0;
    await setOnce(place, boards.generation, actor, generation + 1);
    await counted(place, boards.generations, `participants|${generation}`, `participant|${actor}`);
    return;
  }
  await count(place, 'friend-actions');
  await once(place, 'friends', actor);
  const launched = await store.scoreOf(boards.launches, effect.instanceId);
  if (launched)
    await setOnce(place, boards.cycles, effect.instanceId, Math.max(0, effect.at - launched.score));
  // The first instance a friend acts on brings them (first touch): the tree, generations and spreaders follow it.
  const initiator = record.initiatorId;
  const parent = await store.scoreOf(boards.generation, initiator);
  const generation = (parent ? parent.score - 1 : 0) + 1;
  await setOnce(place, boards.arrival, actor, generation + 1);
  await counted(place, boards.edges, `${initiator}|${actor}`, `edge|${actor}`, generation);
  await counted(place, boards.spreaders, initiator, `brought|${actor}`);
  await counted(place, boards.generations, `friends|${generation}`, `friend|${actor}`);
}

/** Adds `delta` to a board member once per `key` on that board. */
const counted = (place: Place, board: string, member: string, key: string, delta = 1) =>
  place.store.incrementScore({ board, member, delta, at: place.at, key });
