import { formatMoney } from '../../primitives/money.js';
import { formatInstant } from '../../primitives/time.js';
import type { Campaign, Locale } from '../mechanic.js';

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

/** Stock, budget and organiser: the lines every campaign ends with. */
export function closingLines(c: Campaign): Text[] {
  const lines: Text[] = [];
  if (c.stock !== undefined) {
    lines.push({
      'zh-CN': `共 ${c.stock.total} 份，发完即止。`,
      en: `${c.stock.total} available in total, while stocks last.`,
    });
  }
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

/** Picks the locale and appends the campaign's own extra terms. */
export function render(c: Campaign, locale: Locale, title: Text, lines: readonly Text[]) {
  return {
    locale,
    title: title[locale],
    lines: [...lines.map((t) => t[locale]), ...c.disclosure.extraTerms],
  };
}

/** The reward's display name. */
export const rewardName = (c: Campaign, rewardId: string) =>
  c.rewards.find((r) => r.id === rewardId)?.name ?? rewardId;
