import type { ScoreEntry } from '../../store/store.js';
import type { Standing } from './context.js';
import { type LeaderboardRules, prizeFor } from './schema.js';

/** The one order of every board: score descending, then earliest to reach it, then member id. */
export const ahead = (a: ScoreEntry, b: ScoreEntry): number =>
  b.score - a.score || a.reachedAt - b.reachedAt || (a.member < b.member ? -1 : a.member > b.member ? 1 : 0);

/**
 * Ranks entries with flagged members left out. Entries tie only on the same score reached at the same instant;
 * competition ranking then skips ranks after the tie (1, 2, 2, 4), dense ranking does not (1, 2, 2, 3).
 * Keeps every entry up to `through` (and everyone tied with the last kept).
 */
export function rankEntries(
  entries: readonly ScoreEntry[],
  flagged: Readonly<Record<string, string>>,
  ranking: LeaderboardRules['ranking'],
  through: number,
): { member: string; rank: number; score: number; reachedAt: number }[] {
  const sorted = entries.filter((e) => !Object.hasOwn(flagged, e.member)).sort(ahead);
  const out: { member: string; rank: number; score: number; reachedAt: number }[] = [];
  let distinct = 0;
  let rank = 0;
  sorted.forEach((entry, i) => {
    const previous = sorted[i - 1];
    const tied =
      previous !== undefined && previous.score === entry.score && previous.reachedAt === entry.reachedAt;
    if (!tied) {
      distinct += 1;
      rank = ranking === 'dense' ? distinct : i + 1;
    }
    if (rank <= through)
      out.push({ member: entry.member, rank, score: entry.score, reachedAt: entry.reachedAt });
  });
  return out;
}

/**
 * The final standings: every ranked entry up to the last prize rank, with the prize it wins. With `ties:
 * "share-rank"` members tied at the same instant all win the prize of their shared rank (so more members than
 * places may win); with `"last-place"` they all win the prize of the last place the tie takes (three tied at rank 1
 * take places 1–3 and win the rank-3 prize), so no prize is given more often than its places.
 */
export function finalStandings(
  entries: readonly ScoreEntry[],
  flagged: Readonly<Record<string, string>>,
  rules: Pick<LeaderboardRules, 'ranking' | 'prizes' | 'ties'>,
  through: number,
): Standing[] {
  const ranked = rankEntries(entries, flagged, rules.ranking, through);
  const sameTie = (a: (typeof ranked)[number], b: (typeof ranked)[number] | undefined) =>
    b !== undefined && a.score === b.score && a.reachedAt === b.reachedAt;
  return ranked.map((entry, i) => {
    let last = i;
    while (sameTie(entry, ranked[last + 1])) last += 1;
    const place = rules.ties === 'last-place' ? last + 1 : entry.rank;
    return { ...entry, rewardId: prizeFor(rules, place)?.rewardId ?? null };
  });
}
