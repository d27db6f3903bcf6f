import { formatMoney as m } from '../../primitives/money.js';
import { formatMinutes } from '../../primitives/time.js';
import type { Disclosure, Locale } from '../mechanic.js';
import {
  antiAbuseLines,
  closingLines,
  plural,
  referencePriceLine,
  render,
  rewardName,
  scheduleLine,
  type Text,
} from '../shared/disclosure-lines.js';
import { type CutTerms, cutTerms, friendsToFloorRange, totalCuts } from './cut-strategy.js';
import type { BargainCampaign } from './schema.js';

/** A share as a percentage to 0.01%, rounded outwards so the stated range always contains the real one. */
function percent(ratio: number, round: 'down' | 'up'): string {
  const hundredths = (round === 'down' ? Math.floor : Math.ceil)(Number((ratio * 10_000).toFixed(6)));
  return `${hundredths / 100}%`;
}

/** A factor to two decimals, rounded up so the stated maximum is never below the real one. */
const upTo2 = (x: number) => Math.ceil(Number((x * 100).toFixed(6))) / 100;

/** One cut's terms in words (see `cutTerms`). */
function termsText(terms: CutTerms): Text {
  switch (terms.kind) {
    case 'amount':
      return terms.min === terms.max
        ? { 'zh-CN': `砍 ${m(terms.min)}`, en: `cuts ${m(terms.min)}` }
        : {
            'zh-CN': `随机砍 ${m(terms.min)}–${m(terms.max)}`,
            en: `cuts a random amount from ${m(terms.min)} to ${m(terms.max)}`,
          };
    case 'share':
      return {
        'zh-CN': `随机砍去可砍金额的 ${percent(terms.minRatio, 'down')}–${percent(terms.maxRatio, 'up')}（可砍金额 = 剩余金额减去为之后每位好友保留的 ${m(terms.reserve)}），每刀至少 ${m(terms.reserve)}`,
        en: `cuts a random ${percent(terms.minRatio, 'down')}–${percent(terms.maxRatio, 'up')} of what may be cut (what is left minus ${m(terms.reserve)} kept for each friend still to come), and at least ${m(terms.reserve)}`,
      };
    case 'mean':
      return {
        'zh-CN': `随机砍 ${m(terms.min)} 至「剩余金额 ÷ 含本人在内尚需的人数 × ${upTo2(terms.multiple)}」（二倍均值法），并为之后每位好友至少保留 ${m(terms.reserve)}`,
        en: `cuts a random amount from ${m(terms.min)} to ${upTo2(terms.multiple)} × (what is left ÷ the cuts still due, this one included) (double-mean), keeping at least ${m(terms.reserve)} for each friend still to come`,
      };
  }
}

/** How friends cut, from the same terms the draw uses. */
function cutLine(c: BargainCampaign): Text {
  const { rules } = c;
  const { cut } = rules;
  const n = rules.helpersToFloor;
  const t = termsText(cutTerms(rules, false));
  if (n === undefined) {
    return {
      'zh-CN': `每位好友${t['zh-CN']}，剩余金额不足时砍掉全部剩余金额。`,
      en: `Each friend ${t.en}; when less is left, the cut takes what is left.`,
    };
  }
  if (cut.strategy === 'fixed') {
    const last = rules.originalPrice - rules.floorPrice - (totalCuts(rules) - 1) * cut.amount;
    return {
      'zh-CN': `每位好友砍 ${m(cut.amount)}，第 ${n} 位好友砍 ${m(last)} 到底价。`,
      en: `Each friend cuts ${m(cut.amount)}; friend ${n} cuts ${m(last)} to reach the floor.`,
    };
  }
  if (cut.strategy === 'uniform') {
    return {
      'zh-CN': `每位好友${t['zh-CN']}；为保证第 ${n} 位好友恰好砍到底价，金额在此范围内调整。`,
      en: `Each friend ${t.en}, adjusted within that range so that friend ${n} lands exactly on the floor.`,
    };
  }
  return {
    'zh-CN': `每位好友${t['zh-CN']}；第 ${n} 位好友砍掉全部剩余金额。`,
    en: `Each friend ${t.en}; friend ${n} cuts all that remains.`,
  };
}

/** A new user's cut, stated as its own range (from `cutTerms(rules, true)`), never "within the range above". */
function boostLine(c: BargainCampaign, boost: number): Text {
  const { rules } = c;
  const n = rules.helpersToFloor;
  const terms = cutTerms(rules, true);
  const t = termsText(terms);
  const adjusted =
    n !== undefined && rules.cut.strategy === 'uniform' && terms.kind === 'amount'
      ? {
          'zh-CN': `；为保证第 ${n} 位好友恰好砍到底价，金额在 ${m(rules.cut.min)}–${m(terms.max)} 内调整`,
          en: `, adjusted within ${m(rules.cut.min)}–${m(terms.max)} so that friend ${n} lands exactly on the floor`,
        }
      : n === undefined
        ? {
            'zh-CN': '，剩余金额不足时砍掉全部剩余金额',
            en: '; when less is left, the cut takes what is left',
          }
        : { 'zh-CN': '', en: '' };
  return {
    'zh-CN': `新用户助力时砍价力度 ×${boost}：${t['zh-CN']}${adjusted['zh-CN']}。`,
    en: `A new user's cut is boosted ×${boost}: the new user ${t.en}${adjusted.en}.`,
  };
}

/** How many friends it takes: exact when fixed, else the exact fewest and most. */
function helpersLine(c: BargainCampaign): Text {
  const n = c.rules.helpersToFloor;
  if (n !== undefined) {
    return {
      'zh-CN': `需要 ${n} 位好友助力：第 ${n} 位好友砍完恰好到底价，之前不会到底价。`,
      en: `Exactly ${plural(n, 'friend')} are needed: friend ${n}'s cut reaches the floor, and no earlier cut does.`,
    };
  }
  const { fewest, most } = friendsToFloorRange(c.rules);
  return fewest === most
    ? {
        'zh-CN': `需要 ${most} 位好友助力才能砍到底价。`,
        en: `It takes ${plural(most, 'friend')} to reach the floor.`,
      }
    : {
        'zh-CN': `助力人数不固定：最多需要 ${most} 位好友（每刀都砍最少金额时），最少需要 ${fewest} 位（每刀都砍最多金额时）。`,
        en: `The number of friends varies: at most ${plural(most, 'friend')} (every cut at its smallest), at least ${fewest} (every cut at its largest).`,
      };
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
  const lines: Text[] = [
    scheduleLine(c),
    {
      'zh-CN': `「${reward}」原价 ${m(rules.originalPrice)}，最低可砍至 ${m(rules.floorPrice)}。`,
      en: `"${reward}" is priced ${m(rules.originalPrice)} and can be cut down to ${m(rules.floorPrice)}.`,
    },
    referencePriceLine(c, rules.originalPrice),
    helpersLine(c),
    cutLine(c),
  ];
  if (rules.newUserBoost !== undefined) {
    lines.push(boostLine(c, rules.newUserBoost));
  }
  if (rules.selfCut) {
    lines.push({
      'zh-CN': '发起时你先为自己砍一刀（按上述好友的金额规则，不享受新用户加成），不计入好友人数。',
      en: "When you launch, you make the first cut yourself (by the friends' rule above, without a new-user boost); it does not count as a friend.",
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
    ...helperRewardLines(c),
    ...antiAbuseLines(c, { 'zh-CN': '助力', en: 'help' }),
    ...closingLines(c),
  );
  return render(c, locale, { 'zh-CN': '砍价规则', en: 'Bargain rules' }, lines);
}

/** 帮砍得券: who among the helpers gets what, and that it is funded before anyone helps. */
function helperRewardLines(c: BargainCampaign): Text[] {
  const helper = c.rules.helperReward;
  if (!helper) return [];
  const name = rewardName(c, helper.rewardId);
  return [
    {
      'zh-CN': `每个砍价的前 ${helper.firstHelpers} 位帮砍好友各得「${name}」，按帮砍先后计；奖励在发起砍价时预留，预算不足时不能发起。`,
      en: `The first ${plural(helper.firstHelpers, 'friend')} to help each bargain each receive "${name}", in the order they help; the rewards are set aside when the bargain starts, and a bargain cannot start when the budget cannot cover them.`,
    },
  ];
}
