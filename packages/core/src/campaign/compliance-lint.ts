import type { AnyCampaign } from './define-campaign.js';

/** One compliance finding, with the rule it comes from (see ../shared/research/compliance.md in the brief). */
export interface LintFinding {
  readonly rule: 'WX-01' | 'WX-02' | 'WX-06' | 'WX-07' | 'COPY-01' | 'PROMO-07';
  readonly severity: 'error' | 'warning';
  readonly path: string;
  readonly message: string;
}

const LOTTERY_PRIZE_CAP_FEN = 5_000_000; // ¥50,000 per prize, 《反不正当竞争法》 on 抽奖式有奖销售

/** Phrases WeChat's external-link rules (2.1.2) and operation rules name as inducing shares. */
const INDUCING = [
  /分享后(领取|查看|可)/,
  /分享(可|即可)?增加/,
  /邀请.{0,6}好友.{0,4}(助力|帮砍|加速)/,
  /集满.{0,4}(赞|卡)/,
  /砍一刀/,
  /帮我加速/,
  /分享到?朋友圈/,
  /不转不是|必转|转疯了|转发后/,
];
const FOLLOW_FOR_REWARD = /关注.{0,8}(领取|获得|送|抽奖)/;
const FINAL_SAY = /最终解释权|单方解释权/;

/** Every piece of marketer-written text, with its path. */
function texts(c: AnyCampaign): [path: string, text: string][] {
  const { hook, proof, cta } = c.page;
  const out: [string, string][] = [
    ['name', c.name],
    ['page.hook.title', hook.title],
  ];
  if (hook.subtitle) out.push(['page.hook.subtitle', hook.subtitle]);
  if (hook.ctaLabel) out.push(['page.hook.ctaLabel', hook.ctaLabel]);
  out.push(['page.cta.headline', cta.headline]);
  if (cta.shareTitle) out.push(['page.cta.shareTitle', cta.shareTitle]);
  for (const [i, t] of proof.testimonials.entries()) out.push([`page.proof.testimonials[${i}].text`, t.text]);
  for (const [i, e] of proof.experts.entries()) out.push([`page.proof.experts[${i}].quote`, e.quote]);
  for (const [i, t] of c.disclosure.extraTerms.entries()) out.push([`disclosure.extraTerms[${i}]`, t]);
  return out;
}

/** Whether friends' actions decide the initiator's reward or success (what WeChat 2.1.2 calls 诱导分享). */
function friendDriven(c: AnyCampaign): string | null {
  switch (c.kind) {
    case 'bargain':
      return '砍价 (friends cut the price)';
    case 'assist':
      return '助力 (friends help to earn rewards)';
    case 'coupon':
      return c.rules.mode === 'share' && c.rules.sharerCouponsPerShare > 0
        ? 'sharer coupons earned per friend who claims'
        : c.rules.mode === 'pool'
          ? 'a pool that pays out only when friends join'
          : null;
    case 'referral':
      return c.rules.referrerReward ? 'a reward to the referrer for each friend invited (邀请有礼)' : null;
    default:
      return null;
  }
}

/**
 * Compliance lint per channel. Errors are things the platform or the law forbids; warnings are copy a person
 * should reword. It reads the campaign only; pages never show invented numbers by construction (counts come from
 * views).
 */
export function lintCampaign(c: AnyCampaign): LintFinding[] {
  const findings: LintFinding[] = [];
  if (c.channel === 'wechat-h5') {
    const driven = friendDriven(c);
    if (driven) {
      findings.push({
        rule: 'WX-01',
        severity: 'error',
        path: 'kind',
        message: `on wechat-h5, ${driven} conditions rewards on friends' actions, which WeChat's external-link rules (2.1.2) name as 诱导分享; run it in a mini-program or app, or redesign it so rewards do not depend on sharing`,
      });
    }
    for (const [path, text] of texts(c)) {
      const hit = INDUCING.find((pattern) => pattern.test(text));
      if (hit)
        findings.push({
          rule: 'WX-02',
          severity: 'warning',
          path,
          message: `"${text}" reads as inducing shares (${hit.source}); reword it without promising a benefit for sharing`,
        });
    }
  }
  for (const [path, text] of texts(c)) {
    if (FINAL_SAY.test(text)) {
      findings.push({
        rule: 'COPY-01',
        severity: 'error',
        path,
        message: `"${text}": a clause reserving 最终解释权 is void in format terms; remove it`,
      });
    }
    if (FOLLOW_FOR_REWARD.test(text)) {
      findings.push({
        rule: 'WX-06',
        severity: 'error',
        path,
        message: `"${text}" ties a reward to following an account (诱导关注); offer the follow QR without a reward`,
      });
    }
  }
  if (
    c.kind === 'coupon' &&
    c.rules.mode === 'pool' &&
    c.rules.split === 'random' &&
    c.rules.amountFen > LOTTERY_PRIZE_CAP_FEN
  ) {
    findings.push({
      rule: 'PROMO-07',
      severity: 'error',
      path: 'rules.amountFen',
      message: `a random split is lottery-type (抽奖式); one part could exceed the ¥50,000 per-prize cap, so keep amountFen ≤ ${LOTTERY_PRIZE_CAP_FEN}`,
    });
  }
  return findings;
}
