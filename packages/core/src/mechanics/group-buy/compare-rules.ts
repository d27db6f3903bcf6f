import type { FieldIssue } from '../../errors/liebian-error.js';
import { ruleChanges } from '../shared/rule-diff.js';
import { type GroupBuyCampaign, leaderPrice } from './schema.js';

/**
 * The changes to a live group buy that are worse for consumers, each naming its field: higher prices, bigger
 * groups, a 新人团 where anyone could take part, less time, a lost virtual fill, stricter handling of full groups, tighter limits — and the common fields.
 * @example compareGroupBuyRules(live, { ...live, rules: { ...live.rules, size: 5 } })[0].path // 'rules.size'
 */
export function compareGroupBuyRules(previous: GroupBuyCampaign, next: GroupBuyCampaign): FieldIssue[] {
  return ruleChanges(previous, next, (d, a, b) => {
    d.changed('rules.rewardId', a.rewardId, b.rewardId);
    d.higher('rules.groupPriceFen', a.groupPriceFen, b.groupPriceFen);
    d.higher('rules.leaderPriceFen', leaderPrice(a), leaderPrice(b));
    d.higher('rules.size', a.size, b.size);
    d.ranked(
      'rules.newUsersOnly',
      ['none', 'members', 'everyone'],
      a.newUsersOnly ?? 'none',
      b.newUsersOnly ?? 'none',
    );
    d.ranked('rules.onTimeout', ['virtual-fill', 'fail'], a.onTimeout, b.onTimeout);
    if (a.onTimeout === 'virtual-fill' && b.onTimeout === 'virtual-fill')
      d.higher('rules.virtualFillThreshold', a.virtualFillThreshold ?? 0, b.virtualFillThreshold ?? 0);
    d.ranked(
      'rules.whenFull',
      ['overflow-to-open-group', 'open-new-group', 'reject'],
      a.whenFull,
      b.whenFull,
    );
  });
}
