import type { Fulfilment, ReferencePriceBasis, Reward } from '../../campaign/campaign-schema.js';
import { privacyNotice } from '../../campaign/privacy-notice.js';
import { formatMoney } from '../../primitives/money.js';
import { formatInstant } from '../../primitives/time.js';
import type { Campaign, Disclosure, Locale } from '../mechanic.js';

/** A line of rules in both languages. */
export type Text = Record<Locale, string>;

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** How people call a time zone: 北京时间 for China's, else the zone's long name (never the IANA id). */
function zoneName(timeZone: string, locale: Locale, at: number): string {
  if (locale === 'zh-CN' && ['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Harbin', 'PRC'].includes(timeZone))
    return '北京时间';
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** When the campaign runs, in its own time zone, named in words. */
export function scheduleLine(c: Campaign): Text {
  const from = formatInstant(c.schedule.startsAt, c.timezone);
  const to = formatInstant(c.schedule.endsAt, c.timezone);
  return {
    'zh-CN': `活动时间：${from} 至 ${to}（${zoneName(c.timezone, 'zh-CN', c.schedule.startsAt)}）。`,
    en: `Runs from ${from} to ${to} (${zoneName(c.timezone, 'en', c.schedule.startsAt)}).`,
  };
}

/** Anti-abuse rules that apply to friends' actions (`action` names the action: 助力 / help). */
export function antiAbuseLines(c: Campaign, action: Text): Text[] {
  const lines: Text[] = [];
  if (c.antiAbuse.newUsersOnly)
    lines.push({ 'zh-CN': `仅新用户可以${action['zh-CN']}。`, en: `Only new users can ${action.en}.` });
  const max = c.antiAbuse.maxActionsPerActorPerDay;
  if (max !== undefined) {
    lines.push({
      'zh-CN': `每人每天最多${action['zh-CN']} ${max} 次。`,
      en: `Each person may ${action.en} at most ${plural(max, 'time')} a day.`,
    });
  }
  const device = c.antiAbuse.blockSameDevice;
  lines.push({
    'zh-CN': `不能为自己${action['zh-CN']}${device ? `，发起人的设备也不能用于${action['zh-CN']}` : ''}。`,
    en: `You cannot ${action.en} yourself${device ? `, and the initiator's device cannot be used to ${action.en}` : ''}.`,
  });
  return lines;
}

const METHOD: Record<Fulfilment['method'], Text> = {
  shipping: { 'zh-CN': '快递寄送', en: 'shipped by courier' },
  pickup: { 'zh-CN': '到店自提', en: 'collected in store' },
  account: { 'zh-CN': '发放至账户', en: 'credited to your account' },
  code: { 'zh-CN': '以兑换码发放', en: 'issued as a redemption code' },
};

/** One reward's disclosed facts (奖品价格、数量、交付方式与费用、有效期与使用范围), when the campaign gives any. */
function rewardLine(reward: Reward): Text | null {
  const zh: string[] = [];
  const en: string[] = [];
  if (reward.points !== undefined) {
    zh.push(`${reward.points} 积分`);
    en.push(plural(reward.points, 'point'));
  }
  if (reward.membershipDays !== undefined) {
    zh.push(`会员 ${reward.membershipDays} 天`);
    en.push(`${plural(reward.membershipDays, 'day')} of membership`);
  }
  if (reward.valueFen !== undefined) {
    zh.push(`价值 ${formatMoney(reward.valueFen)}`);
    en.push(`worth ${formatMoney(reward.valueFen)}`);
  }
  if (reward.quantity !== undefined) {
    zh.push(`共 ${reward.quantity} 份`);
    en.push(`${reward.quantity} in total`);
  }
  const f = reward.fulfilment;
  if (f) {
    const fee =
      f.feeFen === 0
        ? { 'zh-CN': '免费', en: 'free of charge' }
        : {
            'zh-CN': `需支付 ${formatMoney(f.feeFen)}`,
            en: `for a fee of ${formatMoney(f.feeFen)}`,
          };
    const within = f.withinDays === undefined ? null : f.withinDays;
    zh.push(
      `${METHOD[f.method]['zh-CN']}，${fee['zh-CN']}${within === null ? '' : `，获得后 ${within} 天内发放`}${f.note ? `（${f.note}）` : ''}`,
    );
    en.push(
      `${METHOD[f.method].en} ${fee.en}${within === null ? '' : `, within ${plural(within, 'day')} of being won`}${f.note ? ` (${f.note})` : ''}`,
    );
  }
  if (reward.validDays !== undefined) {
    zh.push(`到账后 ${reward.validDays} 天内有效`);
    en.push(`valid for ${plural(reward.validDays, 'day')} once received`);
  }
  if (reward.scope !== undefined) {
    zh.push(`使用范围：${reward.scope}`);
    en.push(`usable on: ${reward.scope}`);
  }
  if (zh.length === 0) return null;
  return { 'zh-CN': `「${reward.name}」：${zh.join('；')}。`, en: `"${reward.name}": ${en.join('; ')}.` };
}

const BASIS: Record<ReferencePriceBasis, Text> = {
  'lowest-7-days': {
    'zh-CN': '活动开始前 7 日内的最低成交价',
    en: 'the lowest price of the 7 days before the campaign',
  },
  'last-transaction': {
    'zh-CN': '活动开始前最后一次成交价',
    en: 'the last transaction price before the campaign',
  },
  msrp: { 'zh-CN': '厂商建议零售价', en: "the manufacturer's suggested retail price" },
};

/**
 * What a struck-through price is (明码标价 Art 16): its label and basis. Without a configured basis the line says
 * none is given, and the lint reports it.
 */
export function referencePriceLine(c: Campaign, priceFen: number): Text {
  const basis = c.disclosure.referencePrice?.basis;
  if (basis === undefined) {
    return {
      'zh-CN': `划线价 ${formatMoney(priceFen)} 未注明依据。`,
      en: `The struck-through price ${formatMoney(priceFen)} has no stated basis.`,
    };
  }
  return {
    'zh-CN': `划线价 ${formatMoney(priceFen)} 为${BASIS[basis]['zh-CN']}${basis === 'msrp' ? '' : '，并非厂商建议零售价'}。`,
    en: `The struck-through price ${formatMoney(priceFen)} is ${BASIS[basis].en}.`,
  };
}

/** Opening hours and per-day stock (`daily`), exactly as the engine enforces them. */
export function dailyLines(c: Campaign): Text[] {
  const { daily } = c;
  if (daily === undefined) return [];
  const zone = {
    'zh-CN': zoneName(c.timezone, 'zh-CN', c.schedule.startsAt),
    en: zoneName(c.timezone, 'en', c.schedule.startsAt),
  };
  const lines: Text[] = [];
  if (daily.hours !== undefined) {
    const { opens, closes } = daily.hours;
    lines.push({
      'zh-CN': `每日开放时间 ${opens}–${closes}（${zone['zh-CN']}），其余时间不能发起或参与；已发起的付款等流程不受影响。`,
      en: `Open daily ${opens}–${closes} (${zone.en}); outside these hours nobody can start or take part, while payments and steps already under way go on.`,
    });
  }
  if (daily.stock !== undefined) {
    const from = daily.hours?.opens ?? '00:00';
    lines.push({
      'zh-CN': `每日限量 ${daily.stock} 份（按${zone['zh-CN']}自然日计），当日抢完即止，次日 ${from} 起可再抢；当日发出后又退回的名额回到总量，不再计入当日。`,
      en: `${daily.stock} available each day (by the calendar day, ${zone.en}); when a day's are gone, come back the next day from ${from}. A unit given back after it was taken returns to the total, not to that day.`,
    });
  }
  return lines;
}

/** Who may take part (参与条件), rewards, stock, budget and organiser: the lines every campaign ends with. */
export function closingLines(c: Campaign): Text[] {
  const lines: Text[] = [];
  const who = c.disclosure.eligibility;
  if (who !== undefined) lines.push({ 'zh-CN': `参与条件：${who}。`, en: `Who can take part: ${who}.` });
  for (const reward of c.rewards) {
    const line = rewardLine(reward);
    if (line) lines.push(line);
  }
  if (c.stock !== undefined) {
    lines.push({
      'zh-CN': `共 ${c.stock.total} 份，发完即止。`,
      en: `${c.stock.total} available in total, while stocks last.`,
    });
  }
  lines.push(...dailyLines(c));
  if (c.budget !== undefined) {
    lines.push({
      'zh-CN': `活动奖励总额 ${formatMoney(c.budget.totalFen)}，用完即止。`,
      en: `The campaign's reward budget is ${formatMoney(c.budget.totalFen)}; rewards stop when it is spent.`,
    });
  }
  lines.push({
    'zh-CN': `主办方：${c.disclosure.organizer.name}，联系方式：${c.disclosure.organizer.contact}。`,
    en: `Organiser: ${c.disclosure.organizer.name}, contact: ${c.disclosure.organizer.contact}.`,
  });
  return lines;
}

/** Picks the locale, appends the campaign's own extra terms, and adds the lead form's notice. */
export function render(c: Campaign, locale: Locale, title: Text, lines: readonly Text[]): Disclosure {
  return {
    locale,
    title: title[locale],
    lines: [...lines.map((t) => t[locale]), ...c.disclosure.extraTerms],
    privacy: privacyNotice(c, locale),
  };
}

/** The reward's display name. */
export const rewardName = (c: Campaign, rewardId: string) =>
  c.rewards.find((r) => r.id === rewardId)?.name ?? rewardId;
