import { formatMoney as m } from '../../primitives/money.js';
import { formatInstant, formatMinutes } from '../../primitives/time.js';
import type { Disclosure, Locale } from '../mechanic.js';
import {
  antiAbuseLines,
  closingLines,
  plural,
  render,
  scheduleLine,
  type Text,
} from '../shared/disclosure-lines.js';
import { partRange } from './pool-split.js';
import type { CouponCampaign, CouponSpec, PoolRules, Validity } from './schema.js';

function couponText(spec: Pick<CouponSpec, 'discountFen' | 'thresholdFen'>): Text {
  return spec.thresholdFen > 0
    ? {
        'zh-CN': `满 ${m(spec.thresholdFen)} 减 ${m(spec.discountFen)} 优惠券`,
        en: `${m(spec.discountFen)} off orders of ${m(spec.thresholdFen)} or more`,
      }
    : { 'zh-CN': `${m(spec.discountFen)} 无门槛优惠券`, en: `${m(spec.discountFen)} off, no minimum spend` };
}

function validityLine(validity: Validity, c: CouponCampaign): Text {
  if ('days' in validity) {
    return {
      'zh-CN': `优惠券领取后 ${validity.days} 天内有效。`,
      en: `Coupons are valid for ${plural(validity.days, 'day')} after they are issued.`,
    };
  }
  const from = formatInstant(validity.from, c.timezone);
  const until = formatInstant(validity.until, c.timezone);
  return {
    'zh-CN': `优惠券有效期：${from} 至 ${until}。`,
    en: `Coupons are valid from ${from} to ${until}.`,
  };
}

/** A random split's exact smallest and largest part, full and (when allowed) among fewer members. */
function randomSplitLine(rules: PoolRules): Text {
  const full = partRange(rules.amountFen, rules.size, rules.minPartFen, 'random');
  const timeout = rules.onTimeout === 'split-among-joined' && rules.size > 2;
  return {
    'zh-CN': `随机分配（二倍均值法）：满 ${rules.size} 人时每人 ${m(full.lo)}–${m(full.hi)}，各份之和恰好为 ${m(rules.amountFen)}${timeout ? `；到期由 n 人（不足 ${rules.size} 人）瓜分时，每人 ${m(rules.minPartFen)} 至 ${m(rules.amountFen)} 减去 (n − 1) × ${m(rules.minPartFen)}` : ''}。`,
    en: `Random split (double-mean): with ${rules.size} members each gets ${m(full.lo)}–${m(full.hi)}, parts summing exactly to ${m(rules.amountFen)}${timeout ? `; split among n < ${rules.size} at the time limit, each gets ${m(rules.minPartFen)} to ${m(rules.amountFen)} minus (n − 1) × ${m(rules.minPartFen)}` : ''}.`,
  };
}

/** The rules of a coupon campaign in plain words, generated from its own fields only. */
export function discloseCoupon(c: CouponCampaign, locale: Locale): Disclosure {
  const { rules } = c;
  const lines: Text[] = [scheduleLine(c)];
  const window = {
    'zh-CN': formatMinutes(rules.timeLimitMinutes, 'zh-CN'),
    en: formatMinutes(rules.timeLimitMinutes, 'en'),
  };
  if (rules.mode === 'share') {
    const friend = couponText(rules.coupon);
    lines.push({
      'zh-CN': `好友打开你的分享可领取一张「${friend['zh-CN']}」，每个分享最多 ${rules.friendsPerShare} 位好友领取，分享后 ${window['zh-CN']}内有效。`,
      en: `A friend who opens your share claims one coupon (${friend.en}); up to ${plural(rules.friendsPerShare, 'friend')} per share, for ${window.en} after sharing.`,
    });
    if (rules.sharerCouponsPerShare > 0) {
      const sharer = couponText(rules.sharerCoupon ?? rules.coupon);
      lines.push({
        'zh-CN': `每有一位好友领取，你也获得一张「${sharer['zh-CN']}」，每个分享最多 ${rules.sharerCouponsPerShare} 张。`,
        en: `For each friend who claims, you receive one too (${sharer.en}), up to ${rules.sharerCouponsPerShare} per share.`,
      });
    }
    lines.push(validityLine(rules.coupon.validity, c));
  } else {
    const each = Math.floor(rules.amountFen / rules.size);
    const extra = rules.amountFen - each * rules.size;
    lines.push(
      {
        'zh-CN': `${rules.size} 人成团，瓜分 ${m(rules.amountFen)} 优惠券；发起人为第 1 人，${window['zh-CN']}内有效。`,
        en: `${rules.size} people split ${m(rules.amountFen)} of coupons; you are the first member; the pool is open for ${window.en}.`,
      },
      rules.split === 'equal'
        ? {
            'zh-CN': `平均分配：每人 ${m(each)}${extra > 0 ? `，不能整除的 ${m(extra)} 由最先加入的 ${extra} 人各多得 ¥0.01` : ''}。`,
            en: `Equal split: ${m(each)} each${extra > 0 ? `; the first ${extra} to join get ¥0.01 more to use up the remainder` : ''}.`,
          }
        : randomSplitLine(rules),
      rules.thresholdFen > 0
        ? {
            'zh-CN': `每张券满 ${m(rules.thresholdFen)} 可用。`,
            en: `Each coupon applies to orders of ${m(rules.thresholdFen)} or more.`,
          }
        : { 'zh-CN': '优惠券无使用门槛。', en: 'Coupons have no minimum spend.' },
      validityLine(rules.validity, c),
      rules.onTimeout === 'fail'
        ? {
            'zh-CN': `到期未满 ${rules.size} 人则瓜分失败，不发放优惠券。`,
            en: `If fewer than ${rules.size} join in time, the pool fails and no coupons are issued.`,
          }
        : {
            'zh-CN': `到期未满 ${rules.size} 人但已有 2 人以上时，由已加入的人瓜分全部金额；不足 2 人则失败。`,
            en: `If the pool is not full in time but at least 2 have joined, they split the whole amount; with fewer, it fails.`,
          },
    );
  }
  lines.push(
    {
      'zh-CN': `每人在本活动中最多领取 ${rules.perUserLimit} 张；每人最多发起 ${rules.launchesPerUser} 次。`,
      en: `Each person may receive at most ${plural(rules.perUserLimit, 'coupon')} and start at most ${rules.launchesPerUser} in this campaign.`,
    },
    {
      'zh-CN': '优惠券可能因退款或违规被撤销。',
      en: 'Coupons may be revoked after a refund or a rules violation.',
    },
    ...antiAbuseLines(
      c,
      rules.mode === 'share' ? { 'zh-CN': '领取', en: 'claim' } : { 'zh-CN': '参与瓜分', en: 'join' },
    ),
    ...closingLines(c),
  );
  return render(
    c,
    locale,
    { 'zh-CN': rules.mode === 'share' ? '分享领券规则' : '瓜分券规则', en: 'Coupon rules' },
    lines,
  );
}
