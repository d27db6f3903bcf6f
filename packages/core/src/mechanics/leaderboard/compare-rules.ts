import type { FieldIssue } from '../../errors/liebian-error.js';
import { ruleChanges } from '../shared/rule-diff.js';
import { type LeaderboardCampaign, lastPrizeRank, prizeFor } from './schema.js';

/**
 * The changes to a live leaderboard that are worse for consumers, each naming its field: any change to what is
 * scored, the window, the ranking or the tie rule (开奖方式 cannot change once published), a rank that loses or
 * changes its prize, a slower or manual award, less time to accept a duel, fewer duels — and the common fields.
 * @example compareLeaderboardRules(live, { ...live, rules: { ...live.rules, ties: 'last-place' } })[0].path // 'rules.ties'
 */
export function compareLeaderboardRules(
  previous: LeaderboardCampaign,
  next: LeaderboardCampaign,
): FieldIssue[] {
  return ruleChanges(previous, next, (d, a, b) => {
    d.changed('rules.format', a.format, b.format);
    d.changed('rules.metric', a.metric, b.metric);
    d.changed('rules.window', a.window, b.window);
    d.changed('rules.ranking', a.ranking, b.ranking);
    d.changed('rules.ties', a.ties, b.ties);
    for (let rank = 1; rank <= lastPrizeRank(a); rank++)
      d.changed(`rules.prizes (rank ${rank})`, prizeFor(a, rank)?.rewardId, prizeFor(b, rank)?.rewardId);
    d.ranked('rules.approval', ['automatic', 'operator'], a.approval, b.approval);
    d.higher('rules.publicationHours', a.publicationHours, b.publicationHours);
    d.changed('rules.teamSize', a.teamSize, b.teamSize);
    d.lower('rules.acceptMinutes', a.acceptMinutes, b.acceptMinutes);
  });
}
