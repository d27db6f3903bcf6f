import type { CampaignCommon } from './campaign-schema.js';

/** What a share shows in WeChat's card: title and description. */
export interface ShareCard {
  readonly title: string;
  readonly desc: string;
}

/**
 * The share card of a campaign, from its own fields — `page.cta.shareTitle` / `shareDesc`, else the hook's title
 * and subtitle — so the text a share carries is the text the compliance lint checked. Pass it to the islands'
 * `wechat.share` instead of writing one in code.
 * @example shareCard(campaign) // { title: '3 人拼团，榴莲只要 ¥99', desc: '团长再省 10 元，24 小时内成团' }
 */
export function shareCard(c: Pick<CampaignCommon, 'page'>): ShareCard {
  const { hook, cta } = c.page;
  return { title: cta.shareTitle ?? hook.title, desc: cta.shareDesc ?? hook.subtitle ?? cta.headline };
}
