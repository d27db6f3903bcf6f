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

/** The final standings: every ranked entry up to the last prize rank, with the prize its rank wins. */
export function finalStandings(
  entries: readonly ScoreEntry[],
  flagged: Readonly<Record<string, string>>,
  rules: Pick<LeaderboardRules, 'ranking' | 'prizes'>,
  through: number,
): Standing[] {
  return rankEntries(entries, flagged, rules.ranking, through).map((entry) => ({
    ...entry,
    rewardId: prizeFor(rules, entry.rank)?.rewardId ?? null,
  }));
}
