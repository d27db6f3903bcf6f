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

/** Sets the entry of a one-entry board once: the first member and value win, whatever later calls name. */
const setOnly = (place: Place, board: string, member: string, value: number) =>
  place.store.incrementScore({ board, member, delta: value, at: place.at, key: 'set' });

/** The entry of a one-entry board (see `analyticsBoards`), or null. */
const only = async (store: Store, board: string) => (await store.topScores(board, 1))[0] ?? null;

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
  const money = readMoney(campaign, effect);
  const reason = effect.payload.reason;
  // Independent increments, each idempotent by its key: sent together, in one round trip's time.
  const writes: Promise<unknown>[] = [
    count(place, `effects:${effect.type}`),
    ...(typeof reason === 'string' ? [count(place, `effects:${effect.type}:${reason}`)] : []),
    ...money.facts.map((fact) => count(place, fact.metric, fact.amount)),
    ...money.payers.map((payer) => once(place, 'payers', payer)),
  ];
  if (money.couponIssued) {
    const { couponId, discountFen } = money.couponIssued;
    writes.push(setOnly(place, boards.couponOf(couponId), 'discount', discountFen));
  }
  if (money.couponRedeemed !== undefined) {
    const coupon = await only(store, boards.couponOf(money.couponRedeemed));
    if (coupon) writes.push(count(place, 'subsidy-fen', coupon.score));
  }
  await Promise.all(writes);
}

async function foldRecord(place: Place, effect: Effect, record: EventRecordPayload): Promise<void> {
  const { store, boards } = place;
  const actor = effect.actorId;
  const writes: Promise<unknown>[] = [
    count(place, `actions:${record.event}`),
    once(place, `actors:${record.event}`, actor),
  ];
  if (record.newUser) writes.push(once(place, 'new-users', actor));
  if (!record.friend) {
    if (record.event.endsWith('.start')) {
      // A participant's generation: the friend's they were when they first acted, else a seed (0).
      const arrived = await only(store, boards.arrivalOf(actor));
      const generation = arrived ? arrived.score - 1 : 0;
      writes.push(
        count(place, 'launches'),
        once(place, 'participants', actor),
        setOnly(place, boards.launchOf(effect.instanceId), 'launch', effect.at),
        setOnly(place, boards.generationOf(actor), 'generation', generation + 1),
        counted(place, boards.generations, `participants|${generation}`, `participant|${actor}`),
      );
      if (arrived) writes.push(counted(place, boards.converted, arrived.member, `converted|${actor}`));
    }
    await Promise.all(writes);
    return;
  }
  // The first instance a friend acts on brings them (first touch): the tree, generations and spreaders follow it.
  const initiator = record.initiatorId;
  const [launched, parent] = await Promise.all([
    only(store, boards.launchOf(effect.instanceId)),
    only(store, boards.generationOf(initiator)),
  ]);
  const generation = (parent ? parent.score - 1 : 0) + 1;
  writes.push(
    count(place, 'friend-actions'),
    once(place, 'friends', actor),
    setOnly(place, boards.arrivalOf(actor), initiator, generation + 1),
    counted(place, boards.edges, `${initiator}|${actor}`, `edge|${actor}`, generation),
    counted(place, boards.spreaders, initiator, `brought|${actor}`),
    counted(place, boards.generations, `friends|${generation}`, `friend|${actor}`),
  );
  if (launched)
    writes.push(setOnce(place, boards.cycles, effect.instanceId, Math.max(0, effect.at - launched.score)));
  await Promise.all(writes);
}

/** Adds `delta` to a board member once per `key` on that board. */
const counted = (place: Place, board: string, member: string, key: string, delta = 1) =>
  place.store.incrementScore({ board, member, delta, at: place.at, key });
