import type { AnyMachineSnapshot } from 'xstate';
import type { Actor, AnyMechanic, AppliedEvent, InstanceState, ViewFacts } from '../mechanics/mechanic.js';
import type { ScoreEntry, ScoreIncrement, Store } from '../store/store.js';
import { stateOf } from './machine-step.js';

/** The store's board I/O for mechanics with a `board` (see `BoardAccess`). Every function is a no-op for others. */

/**
 * Posts the score intents a committed snapshot holds and returns the snapshot without them. Per member in order
 * (a member's `reachedAt` is its latest increment's), members in parallel; idempotent by key, so re-posting the
 * intents of a commit whose process died before posting them changes nothing else.
 */
export async function postIntents(
  store: Store,
  mechanic: AnyMechanic,
  snapshot: AnyMachineSnapshot,
): Promise<AnyMachineSnapshot> {
  const board = mechanic.board;
  const intents: readonly ScoreIncrement[] = board?.intents(snapshot.context) ?? [];
  if (!board || intents.length === 0) return snapshot;
  const byMember = new Map<string, ScoreIncrement[]>();
  for (const intent of intents) byMember.set(intent.member, [...(byMember.get(intent.member) ?? []), intent]);
  await Promise.all(
    [...byMember.values()].map(async (list) => {
      for (const intent of list) await store.incrementScore(intent);
    }),
  );
  return mechanic.machine.resolveState({
    value: snapshot.value as string,
    context: board.withoutIntents(snapshot.context),
  });
}

/**
 * The board's best `count` entries as they stand once the state's unposted intents land, with everyone tied with
 * the last one (ties are decided by the mechanic's ranking, not cut off by the store's limit).
 */
async function standingsOf(
  store: Store,
  board: string,
  count: number,
  intents: readonly ScoreIncrement[],
): Promise<ScoreEntry[]> {
  const members = [...new Set(intents.map((i) => i.member))];
  const current = await Promise.all(members.map((m) => store.scoreOf(board, m)));
  /** The board as it will be: the store's entries, then the intents added on top. */
  const posted = new Map<string, ScoreEntry>();
  for (let limit = count + intents.length; ; limit *= 2) {
    const top = await store.topScores(board, limit);
    for (const entry of top) posted.set(entry.member, entry);
    const last = top[top.length - 1];
    const edge = top[Math.min(count, top.length) - 1];
    const tiedAtEdge = last && edge && last.score === edge.score && last.reachedAt === edge.reachedAt;
    if (top.length < limit || !tiedAtEdge) break;
  }
  for (const entry of current) if (entry) posted.set(entry.member, entry);
  for (const intent of intents) {
    const before = posted.get(intent.member);
    posted.set(intent.member, {
      member: intent.member,
      score: (before?.score ?? 0) + intent.delta,
      reachedAt: intent.at,
    });
  }
  return [...posted.values()];
}

/** The event with the board standings it needs attached (as `standings`), or the event itself. */
export async function withStandings(
  store: Store,
  mechanic: AnyMechanic,
  state: InstanceState<unknown>,
  event: AppliedEvent,
): Promise<AppliedEvent> {
  const board = mechanic.board;
  const count = board?.standingsFor(state, event) ?? 0;
  const name = board?.name(state.context);
  if (!board || count === 0 || !name) return event;
  return { ...event, standings: await standingsOf(store, name, count, board.intents(state.context)) };
}

/** What a view of a board instance reads from the store. */
export async function boardFacts(
  store: Store,
  mechanic: AnyMechanic,
  snapshot: AnyMachineSnapshot,
  viewer: Actor | null,
): Promise<ViewFacts['board']> {
  const state = stateOf(snapshot);
  const board = mechanic.board;
  const name = board?.name(state.context);
  if (!board || !name) return undefined;
  const reads = board.viewReads(state, viewer);
  const [top, ...found] = await Promise.all([
    reads.top > 0 ? store.topScores(name, reads.top) : Promise.resolve([]),
    ...reads.members.map((m) => store.scoreOf(name, m)),
  ]);
  const entries = new Map<string, ScoreEntry & { rank: number }>();
  for (const entry of found) if (entry) entries.set(entry.member, entry as ScoreEntry & { rank: number });
  return { top: top as ScoreEntry[], entries };
}
