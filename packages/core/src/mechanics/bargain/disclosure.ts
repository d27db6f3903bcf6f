import { formatMoney as m } from '../../primitives/money.js';
import { formatMinutes } from '../../primitives/time.js';
import type { Disclosure, Locale } from '../mechanic.js';
import {
  antiAbuseLines,
  closingLines,
  plural,
  render,
  rewardName,
  scheduleLine,
  type Text,
} from '../shared/disclosure-lines.js';
import { totalCuts } from './cut-strategy.js';
import type { BargainCampaign } from './schema.js';

function cutLine(c: BargainCampaign): Text {
  const { rules } = c;
  const { cut } = rules;
  const n = rules.helpersToFloor;
  const span = rules.originalPrice - rules.floorPrice;
  switch (cut.strategy) {
    case 'uniform':
      return n === undefined
        ? {
            'zh-CN': `每位好友随机砍 ${m(cut.min)}–${m(cut.max)}，不会低于底价。`,
            en: `Each friend cuts a random amount from ${m(cut.min)} to ${m(cut.max)}, never below the floor.`,
          }
        : {
            'zh-CN': `每位好友随机砍 ${m(cut.min)}–${m(cut.max)}；为保证第 ${n} 位好友恰好砍到底价，金额在此范围内调整。`,
            en: `Each friend cuts a random amount from ${m(cut.min)} to ${m(cut.max)}, adjusted within that range so that friend ${n} lands exactly on the floor.`,
          };
    case 'fixed': {
      if (n === undefined) {
        return {
          'zh-CN': `每位好友砍 ${m(cut.amount)}，最后一刀砍掉剩余金额。`,
          en: `Each friend cuts ${m(cut.amount)}; the last cut takes whatever is left.`,
        };
      }
      const last = span - (totalCuts(rules) - 1) * cut.amount;
      return {
        'zh-CN': `每位好友砍 ${m(cut.amount)}，第 ${n} 位好友砍 ${m(last)} 到底价。`,
        en: `Each friend cuts ${m(cut.amount)}; friend ${n} cuts ${m(last)} to reach the floor.`,
      };
    }
    case 'ratio-of-remaining': {
      const lo = Math.round(cut.minRatio * 100);
      const hi = Math.round(cut.maxRatio * 100);
      return {
        'zh-CN': `每位好友随机砍去剩余金额的 ${lo}%–${hi}%（为之后每位好友至少保留 ${m(cut.reservePerHelper)}），第 ${n} 位好友砍掉全部剩余金额。`,
        en: `Each friend cuts a random ${lo}–${hi}% of what is left (keeping at least ${m(cut.reservePerHelper)} for each friend still to come); friend ${n} cuts all that remains.`,
      };
    }
    case 'double-mean':
      return {
        'zh-CN': `每位好友随机砍 ${m(cut.min)} 至剩余人均金额的两倍（二倍均值法，平均每人砍剩余金额的人均值），第 ${n} 位好友砍掉全部剩余金额。`,
        en: `Each friend cuts a random amount from ${m(cut.min)} to twice the average still due per friend (double-mean: on average an equal share); friend ${n} cuts all that remains.`,
      };
  }
}

function purchaseLine(c: BargainCampaign): Text {
  const { rules } = c;
  const pay = {
    'zh-CN': formatMinutes(rules.payWindowMinutes, 'zh-CN'),
    en: formatMinutes(rules.payWindowMinutes, 'en'),
  };
  switch (rules.purchasableAt) {
    case 'floor':
      return {
        'zh-CN': `砍到底价后可按底价购买，须在 ${pay['zh-CN']}内付款，逾期失效；时限内未砍到底价则活动失败，不能购买。`,
        en: `Once the floor is reached you can buy at the floor price within ${pay.en}; after that it lapses. If the floor is not reached in time, the bargain fails and cannot be bought.`,
      };
    case 'any':
      return {
        'zh-CN': `砍价期间可随时按当前价格购买；时限结束后仍可在 ${pay['zh-CN']}内按当时价格购买。`,
        en: `You can buy at the current price at any time while cutting, and for ${pay.en} after the time limit at the price reached.`,
      };
    case 'helpers': {
      const k = rules.purchasableAfterHelpers ?? 0;
      return {
        'zh-CN': `获得 ${k} 位好友助力后即可按当前价格购买；砍到底价或时限结束后，须在 ${pay['zh-CN']}内付款。`,
        en: `After ${k} friend${k === 1 ? '' : 's'} have helped you can buy at the current price; once the floor is reached or time runs out, pay within ${pay.en}.`,
      };
    }
  }
}

/** The rules of a bargain campaign in plain words, generated from its own fields only. */
export function discloseBargain(c: BargainCampaign, locale: Locale): Disclosure {
  const { rules } = c;
  const reward = rewardName(c, rules.rewardId);
  const n = rules.helpersToFloor;
  const lines: Text[] = [
    scheduleLine(c),
    {
      'zh-CN': `「${reward}」原价 ${m(rules.originalPrice)}，最低可砍至 ${m(rules.floorPrice)}。`,
      en: `"${reward}" is priced ${m(rules.originalPrice)} and can be cut down to ${m(rules.floorPrice)}.`,
    },
    n === undefined
      ? {
          'zh-CN': '助力人数不限，砍到底价为止。',
          en: 'Any number of friends may help until the floor is reached.',
        }
      : {
          'zh-CN': `需要 ${n} 位好友助力：第 ${n} 位好友砍完恰好到底价，之前不会到底价。`,
          en: `Exactly ${plural(n, 'friend')} are needed: friend ${n}'s cut reaches the floor, and no earlier cut does.`,
        },
    cutLine(c),
  ];
  if (rules.newUserBoost !== undefined) {
    lines.push({
      'zh-CN': `新用户助力时砍价金额 ×${rules.newUserBoost}（仍受上述金额范围限制）。`,
      en: `A new user's cut is multiplied by ${rules.newUserBoost} (still within the limits above).`,
    });
  }
  if (rules.selfCut) {
    lines.push({
      'zh-CN': '发起时你先为自己砍一刀，不计入好友人数。',
      en: 'When you launch, you make the first cut yourself; it does not count as a friend.',
    });
  }
  lines.push(
    {
      'zh-CN': `发起后 ${formatMinutes(rules.timeLimitMinutes, 'zh-CN')}内有效，且不晚于活动结束时间。`,
      en: `A bargain collects help for ${formatMinutes(rules.timeLimitMinutes, 'en')} after launch, and never past the campaign end.`,
    },
    purchaseLine(c),
    {
      'zh-CN': `每人在本活动中最多发起 ${rules.launchesPerUser} 次砍价。`,
      en: `Each person may launch at most ${plural(rules.launchesPerUser, 'bargain')} in this campaign.`,
    },
    rules.helperQuotaPerCampaign === undefined
      ? { 'zh-CN': '每位好友对同一个砍价只能帮一次。', en: 'Each friend can help a given bargain once.' }
      : {
          'zh-CN': `每位好友在本活动中最多帮 ${rules.helperQuotaPerCampaign} 位发起人砍价，每个砍价只能帮一次。`,
          en: `Each friend may help at most ${plural(rules.helperQuotaPerCampaign, 'different bargain')} in this campaign, once each.`,
        },
    ...antiAbuseLines(c, { 'zh-CN': '助力', en: 'help' }),
    ...closingLines(c),
  );
  return render(c, locale, { 'zh-CN': '砍价规则', en: 'Bargain rules' }, lines);
}
