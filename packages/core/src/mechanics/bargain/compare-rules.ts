import type { FieldIssue } from '../../errors/liebian-error.js';
import { type RuleDiff, ruleChanges } from '../shared/rule-diff.js';
import { type CutTerms, cutTerms, friendsToFloorRange } from './cut-strategy.js';
import type { BargainCampaign } from './schema.js';

function termsChanges(d: RuleDiff, path: string, before: CutTerms, after: CutTerms): void {
  if (before.kind !== after.kind) {
    d.changed(`${path}.strategy`, before.kind, after.kind);
    return;
  }
  if (before.kind === 'amount' && after.kind === 'amount') {
    d.lower(`${path}.min`, before.min, after.min);
    d.lower(`${path}.max`, before.max, after.max);
  } else if (before.kind === 'share' && after.kind === 'share') {
    d.lower(`${path}.minRatio`, before.minRatio, after.minRatio);
    d.lower(`${path}.maxRatio`, before.maxRatio, after.maxRatio);
    d.changed(`${path}.reservePerHelper`, before.reserve, after.reserve);
  } else if (before.kind === 'mean' && after.kind === 'mean') {
    d.lower(`${path}.min`, before.min, after.min);
    d.lower(`${path}.multiple`, before.multiple, after.multiple);
  }
}

/**
 * The changes to a live bargain that are worse for consumers, each naming its field: a higher floor, more friends
 * needed (the most an open-ended bargain can take), smaller cuts (for friends or new users), a lost self-cut,
 * stricter buying, shorter time limits, tighter quotas — and the common fields (see `commonRuleChanges`).
 * @example compareBargainRules(live, { ...live, rules: { ...live.rules, helpersToFloor: 8 } })[0].path // 'rules.helpersToFloor'
 */
export function compareBargainRules(previous: BargainCampaign, next: BargainCampaign): FieldIssue[] {
  return ruleChanges(previous, next, (d, a, b) => {
    d.changed('rules.rewardId', a.rewardId, b.rewardId);
    if (a.helperReward) {
      d.changed('rules.helperReward.rewardId', a.helperReward.rewardId, b.helperReward?.rewardId);
      d.lower(
        'rules.helperReward.firstHelpers',
        a.helperReward.firstHelpers,
        b.helperReward?.firstHelpers ?? 0,
      );
    }
    d.higher('rules.floorPrice', a.floorPrice, b.floorPrice);
    d.higher('rules.helpersToFloor', friendsToFloorRange(a).most, friendsToFloorRange(b).most);
    termsChanges(d, 'rules.cut', cutTerms(a, false), cutTerms(b, false));
    termsChanges(d, 'rules.newUserBoost', cutTerms(a, true), cutTerms(b, true));
    d.revoked('rules.selfCut', a.selfCut, b.selfCut);
    d.ranked('rules.purchasableAt', ['any', 'helpers', 'floor'], a.purchasableAt, b.purchasableAt);
    if (a.purchasableAt === 'helpers' && b.purchasableAt === 'helpers')
      d.higher(
        'rules.purchasableAfterHelpers',
        a.purchasableAfterHelpers ?? 0,
        b.purchasableAfterHelpers ?? 0,
      );
  });
}
