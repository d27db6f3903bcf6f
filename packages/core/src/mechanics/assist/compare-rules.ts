import type { FieldIssue } from '../../errors/liebian-error.js';
import { ruleChanges } from '../shared/rule-diff.js';
import type { AssistCampaign } from './schema.js';

/**
 * The changes to a live assist that are worse for consumers, each naming its field: a tier that needs more points
 * or gives another reward, a tier removed, lighter help weights, a lost helper reward, less time, tighter quotas —
 * and the common fields.
 * @example compareAssistRules(live, { ...live, rules: { ...live.rules, tiers: [{ helps: 8, rewardId: 'latte' }] } })
 */
export function compareAssistRules(previous: AssistCampaign, next: AssistCampaign): FieldIssue[] {
  return ruleChanges(previous, next, (d, a, b) => {
    for (const [i, tier] of a.tiers.entries()) {
      const after = b.tiers[i];
      if (!after) {
        d.changed(`rules.tiers[${i}]`, tier, null);
        continue;
      }
      d.higher(`rules.tiers[${i}].helps`, tier.helps, after.helps);
      d.changed(`rules.tiers[${i}].rewardId`, tier.rewardId, after.rewardId);
    }
    d.lower('rules.weights.newUser', a.weights.newUser, b.weights.newUser);
    d.lower('rules.weights.existing', a.weights.existing, b.weights.existing);
    if (a.helperRewardId !== undefined) d.changed('rules.helperRewardId', a.helperRewardId, b.helperRewardId);
  });
}
