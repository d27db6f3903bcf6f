import { partRange } from '../mechanics/coupon/pool-split.js';
import { leaderPrice } from '../mechanics/group-buy/schema.js';
import { budgetCoverIssue } from '../mechanics/shared/budget-cover.js';
import type { AnyCampaign } from './define-campaign.js';
import { copyContradictions } from './lint/consistency.js';
import { normalise } from './lint/normalise.js';
import { findPhrase, PHRASE_RULES, REFERENCE_PRICE_WORDS } from './lint/phrases.js';
import { shareCard } from './share-card.js';

/**
 * One compliance finding, with the rule it comes from (see ../shared/research/compliance.md in the brief).
 *
 * @example
 * for (const finding of lintCampaign(campaign)) console.log(finding.severity, finding.path, finding.message);
 */
export interface LintFinding {
  readonly rule:
    | 'WX-01'
    | 'WX-02'
    | 'WX-03'
    | 'WX-06'
    | 'COPY-01'
    | 'COPY-02'
    | 'PROMO-02'
    | 'PROMO-03'
    | 'PROMO-07'
    | 'PRICE-04'
    | 'PI-03';
  readonly severity: 'error' | 'warning';
  readonly path: string;
  readonly message: string;
}

const LOTTERY_PRIZE_CAP_FEN = 5_000_000; // ¥50,000 per prize, 《反不正当竞争法》 on 抽奖式有奖销售

/** Every piece of text a person reads on the page or in the share card, with its path. */
function texts(c: AnyCampaign): [path: string, text: string][] {
  const { hook, proof, cta } = c.page;
  const card = shareCard(c);
  const out: [string, string | undefined][] = [
    ['name', c.name],
    ['page.hook.title', hook.title],
    ['page.hook.subtitle', hook.subtitle],
    ['page.hook.ctaLabel', hook.ctaLabel],
    ['page.cta.headline', cta.headline],
    ['page.cta.shareTitle', cta.shareTitle ? card.title : undefined],
    ['page.cta.shareDesc', cta.shareDesc ? card.desc : undefined],
    ...(cta.leadForm?.consents.map((k, i): [string, string] => [
      `page.cta.leadForm.consents[${i}].label`,
      k.label,
    ]) ?? []),
    ...proof.testimonials.map((t, i): [string, string] => [`page.proof.testimonials[${i}].text`, t.text]),
    ...proof.experts.map((e, i): [string, string] => [`page.proof.experts[${i}].quote`, e.quote]),
    ...c.disclosure.extraTerms.map((t, i): [string, string] => [`disclosure.extraTerms[${i}]`, t]),
    ...c.rewards.map((r, i): [string, string] => [`rewards[${i}].name`, r.name]),
  ];
  return out.filter((entry): entry is [string, string] => entry[1] !== undefined);
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
    case 'leaderboard':
      return c.rules.format === 'duel'
        ? 'a duel whose prize depends on the friends who join a side (助阵)'
        : null;
    default:
      return null;
  }
}

/** The most one participant can win in value, in 分 (tiers add up: a prize split across them is one prize). */
function mostOneCanWin(c: AnyCampaign): number {
  const value = (id: string) => c.rewards.find((r) => r.id === id)?.valueFen ?? 0;
  if (c.kind === 'assist') return c.rules.tiers.reduce((sum, t) => sum + value(t.rewardId), 0);
  if (c.kind === 'coupon' && c.rules.mode === 'pool' && c.rules.split === 'random')
    return partRange(c.rules.amountFen, c.rules.size, c.rules.minPartFen, 'random').hi;
  return Math.max(0, ...c.rewards.map((r) => r.valueFen ?? 0));
}

/**
 * Compliance lint per channel, over every copy field (normalised: spaces, full-width forms, traditional
 * characters, English phrasings) and the rules themselves. Errors are things the platform or the law forbids;
 * `liebian build` refuses to write a page with errors. Pages never show invented numbers by construction (counts
 * come from views), so a number written into the copy is itself a finding.
 * @example lintCampaign(defineCampaign(json)).filter((f) => f.severity === 'error')
 */
export function lintCampaign(c: AnyCampaign): LintFinding[] {
  const findings: LintFinding[] = [];
  const error = (rule: LintFinding['rule'], path: string, message: string) =>
    findings.push({ rule, severity: 'error', path, message });
  if (c.channel === 'wechat-h5') {
    const driven = friendDriven(c);
    if (driven)
      error(
        'WX-01',
        'kind',
        `on wechat-h5, ${driven} conditions rewards on friends' actions, which WeChat's external-link rules (2.1.2) name as 诱导分享; run it in a mini-program or app, or redesign it so rewards do not depend on sharing`,
      );
  }
  const copy = texts(c).map(([path, text]) => [path, text, normalise(text)] as const);
  let lottery = false;
  for (const [path, text, norm] of copy) {
    for (const rule of PHRASE_RULES) {
      if (rule.channel !== undefined && rule.channel !== c.channel) continue;
      const hit = findPhrase(norm, rule.patterns);
      if (hit === null) continue;
      if (rule.rule === 'PROMO-07') lottery = true;
      error(rule.rule, path, `"${text}" ${rule.problem} (matched "${hit}")`);
    }
    if (c.disclosure.referencePrice === undefined && findPhrase(norm, REFERENCE_PRICE_WORDS) !== null)
      error(
        'PRICE-04',
        path,
        `"${text}" names a reference price without its basis (明码标价 Art 16); set disclosure.referencePrice.basis (lowest-7-days, last-transaction or msrp)`,
      );
    const contradictions = copyContradictions(c, norm);
    if (contradictions.length > 0)
      error(
        'COPY-02',
        path,
        `"${text}" contradicts the rules: ${contradictions.join('; ')}; make the copy say what the rules do`,
      );
  }
  if ((c.kind === 'bargain' || c.kind === 'group-buy') && c.disclosure.referencePrice === undefined)
    error(
      'PRICE-04',
      'disclosure.referencePrice',
      'the page strikes through the original price without a basis (明码标价 Art 16); set disclosure.referencePrice.basis: lowest-7-days (the lowest price of the 7 days before), last-transaction or msrp',
    );
  if (c.page.cta.leadForm?.enabled && c.disclosure.privacy === undefined)
    error(
      'PI-03',
      'disclosure.privacy',
      'the lead form takes phone numbers but no personal-information notice is configured (PIPL Art 17); set disclosure.privacy { processor, contact, retentionDays, recipients } — the form is not shown without it',
    );
  const subsidy =
    c.kind === 'bargain'
      ? c.rules.originalPrice - c.rules.floorPrice
      : c.kind === 'group-buy'
        ? c.rules.originalPriceFen - leaderPrice(c.rules)
        : 0;
  const cover = budgetCoverIssue(c, subsidy);
  if (cover) error('PROMO-03', cover.path.join('.'), `${cover.message} (a published offer is binding)`);
  const chance = lottery || (c.kind === 'coupon' && c.rules.mode === 'pool' && c.rules.split === 'random');
  const most = mostOneCanWin(c);
  if (chance && most > LOTTERY_PRIZE_CAP_FEN)
    error(
      'PROMO-07',
      c.kind === 'coupon' ? 'rules.amountFen' : 'rewards',
      `chance decides this prize (抽奖式), and one participant can win up to ${most} 分 — above the ¥50,000 per-prize cap (a prize split across parts or tiers is still one prize); keep it at or below ${LOTTERY_PRIZE_CAP_FEN}`,
    );
  return findings;
}
