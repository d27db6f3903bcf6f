import type { FieldIssue } from '../../errors/liebian-error.js';
import { ruleChanges } from '../shared/rule-diff.js';
import type { SwapCampaign } from './schema.js';

/**
 * The changes to a live swap that are worse for consumers, each naming its field: less time to list, answer or
 * hand over, fewer proposals, no counter-proposals, fewer listings — and the common fields.
 * @example compareSwapRules(live, { ...live, rules: { ...live.rules, allowCounter: false } })[0].path // 'rules.allowCounter'
 */
export function compareSwapRules(previous: SwapCampaign, next: SwapCampaign): FieldIssue[] {
  return ruleChanges(previous, next, (d, a, b) => {
    d.lower('rules.proposalTtlMinutes', a.proposalTtlMinutes, b.proposalTtlMinutes);
    d.lower('rules.handoverMinutes', a.handoverMinutes, b.handoverMinutes);
    d.lower('rules.maxOpenProposals', a.maxOpenProposals, b.maxOpenProposals);
    d.lower('rules.maxProposals', a.maxProposals, b.maxProposals);
    d.revoked('rules.allowCounter', a.allowCounter, b.allowCounter);
  });
}
