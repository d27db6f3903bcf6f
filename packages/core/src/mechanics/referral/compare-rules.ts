import type { FieldIssue } from '../../errors/liebian-error.js';
import { type RuleDiff, ruleChanges } from '../shared/rule-diff.js';
import type { ReferralCampaign, ReferralRules } from './schema.js';

function rewardChanges(
  d: RuleDiff,
  side: 'referrerReward' | 'refereeReward',
  a: ReferralRules,
  b: ReferralRules,
) {
  const [before, after] = [a[side], b[side]];
  if (!before) return;
  if (!after) {
    d.changed(`rules.${side}`, before, null);
    return;
  }
  d.changed(`rules.${side}.rewardId`, before.rewardId, after.rewardId);
  d.ranked(`rules.${side}.timing`, ['upfront', 'on-conversion'], before.timing, after.timing);
}

/**
 * The changes to a live referral that are worse for consumers, each naming its field: a reward removed, changed or
 * paid later, another trigger or attribution, a higher minimum first order, a shorter window, a lower cap, a longer freeze, tighter limits — and
 * the common fields.
 * @example compareReferralRules(live, { ...live, rules: { ...live.rules, windowDays: 3 } })[0].path // 'rules.windowDays'
 */
export function compareReferralRules(previous: ReferralCampaign, next: ReferralCampaign): FieldIssue[] {
  return ruleChanges(previous, next, (d, a, b) => {
    rewardChanges(d, 'referrerReward', a, b);
    rewardChanges(d, 'refereeReward', a, b);
    d.changed('rules.trigger', a.trigger, b.trigger);
    d.changed('rules.triggerLabel', a.triggerLabel, b.triggerLabel);
    d.higher('rules.minOrderFen', a.minOrderFen ?? 0, b.minOrderFen ?? 0);
    (a.referrerTiers ?? []).forEach((tier, i) => {
      const kept = b.referrerTiers?.find((t) => t.rewardId === tier.rewardId);
      if (!kept) d.changed(`rules.referrerTiers[${i}]`, tier, null);
      else d.higher(`rules.referrerTiers[${i}].conversions`, tier.conversions, kept.conversions);
    });
    d.changed('rules.attribution', a.attribution, b.attribution);
    d.lower('rules.windowDays', a.windowDays, b.windowDays);
    d.lower('rules.capPerReferrer', a.capPerReferrer, b.capPerReferrer);
    d.higher('rules.freezeDays', a.freezeDays, b.freezeDays);
    d.lower('rules.maxRefereesPerLink', a.maxRefereesPerLink, b.maxRefereesPerLink);
  });
}
