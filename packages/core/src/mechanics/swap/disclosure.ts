import { formatMinutes } from '../../primitives/time.js';
import type { Disclosure, Locale } from '../mechanic.js';
import { closingLines, render, scheduleLine, type Text } from '../shared/disclosure-lines.js';
import type { SwapCampaign } from './schema.js';

/** The rules of a swap campaign in plain words, generated from its own fields only. */
export function discloseSwap(c: SwapCampaign, locale: Locale): Disclosure {
  const { rules } = c;
  const t = (minutes: number): Text => ({
    'zh-CN': formatMinutes(minutes, 'zh-CN'),
    en: formatMinutes(minutes, 'en'),
  });
  const listing = t(rules.timeLimitMinutes);
  const proposal = t(rules.proposalTtlMinutes);
  const handover = t(rules.handoverMinutes);
  const lines: Text[] = [
    scheduleLine(c),
    {
      'zh-CN': `发布闲置后 ${listing['zh-CN']}内可收到交换提议；每人每次最多一个未答复的提议，同时最多 ${rules.maxOpenProposals} 个待答复提议。`,
      en: `A listing takes proposals for ${listing.en}; one open proposal per person, at most ${rules.maxOpenProposals} waiting at once.`,
    },
    {
      'zh-CN': `提议 ${proposal['zh-CN']}内未答复自动失效${rules.allowCounter ? '；物主可以还价，由提议人决定是否接受' : ''}。`,
      en: `A proposal lapses after ${proposal.en} without an answer${rules.allowCounter ? '; the owner may counter, and the proposer decides' : ''}.`,
    },
    {
      'zh-CN': `接受提议后其他待答复提议将被婉拒，双方物品在 ${handover['zh-CN']}内为本次交换保留，同一物品不会同时承诺给两次交换；双方都确认交接后完成，逾期未确认则自动取消、物品重新可换。`,
      en: `Accepting declines the other proposals and reserves both items for this swap for ${handover.en}; no item is ever promised to two swaps. The swap completes when both confirm the handover; otherwise it lapses and the items are free again.`,
    },
    {
      'zh-CN': `物主可随时下架；每人在本活动中最多发布 ${rules.launchesPerUser} 件。`,
      en: `The owner may withdraw the listing at any time; each person may list at most ${rules.launchesPerUser} items in this campaign.`,
    },
    ...closingLines(c),
  ];
  return render(c, locale, { 'zh-CN': '交换规则', en: 'Swap rules' }, lines);
}
