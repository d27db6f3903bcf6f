import { formatMinutes } from '../../primitives/time.js';
import type { Disclosure, Locale } from '../mechanic.js';
import {
  closingLines,
  plural,
  render,
  rewardName,
  scheduleLine,
  type Text,
} from '../shared/disclosure-lines.js';
import type { LeaderboardCampaign } from './schema.js';

const PERIOD: Record<'day' | 'week' | 'month', Text> = {
  day: { 'zh-CN': '自然日', en: 'calendar day' },
  week: { 'zh-CN': '自然周（周一 00:00 起）', en: 'calendar week (from Monday 00:00)' },
  month: { 'zh-CN': '自然月', en: 'calendar month' },
};

function windowLine(c: LeaderboardCampaign): Text {
  const { window, format } = c.rules;
  const what = format === 'duel' ? { 'zh-CN': '对战', en: 'A duel' } : { 'zh-CN': '榜单', en: 'A board' };
  const from =
    format === 'duel'
      ? { 'zh-CN': '对手应战时', en: 'when the opponent joins' }
      : { 'zh-CN': '开榜时', en: 'when it opens' };
  if (window.type === 'rolling') {
    return {
      'zh-CN': `${what['zh-CN']}自${from['zh-CN']}起计 ${formatMinutes(window.minutes, 'zh-CN')}，不晚于活动结束时间。`,
      en: `${what.en} counts for ${formatMinutes(window.minutes, 'en')} from ${from.en}, never past the campaign end.`,
    };
  }
  const period = PERIOD[window.period];
  return {
    'zh-CN': `${what['zh-CN']}自${from['zh-CN']}起计至当前${period['zh-CN']}结束（${c.timezone} 时间），不晚于活动结束时间。`,
    en: `${what.en} counts from ${from.en} to the end of that ${period.en} (${c.timezone}), never past the campaign end.`,
  };
}

/** The rules of a leaderboard or duel campaign in plain words, generated from its own fields only. */
export function discloseLeaderboard(c: LeaderboardCampaign, locale: Locale): Disclosure {
  const { rules } = c;
  const { name, unit, maxPointsPerEvent } = rules.metric;
  const duel = rules.format === 'duel';
  const lines: Text[] = [scheduleLine(c), windowLine(c)];
  lines.push({
    'zh-CN': `按「${name}」计分（单位：${unit}），每次记分最多 ${maxPointsPerEvent} ${unit}，以主办方系统记录为准。`,
    en: `Scored by "${name}" (unit: ${unit}), at most ${maxPointsPerEvent} per scoring event, as recorded by the organiser's system.`,
  });
  if (duel) {
    lines.push(
      {
        'zh-CN': `双方各 ${rules.teamSize} 人，${formatMinutes(rules.acceptMinutes, 'zh-CN')}内无人应战则对战取消。`,
        en: `Each side has ${plural(rules.teamSize, 'member')}; if nobody takes up the challenge within ${formatMinutes(rules.acceptMinutes, 'en')}, the duel is called off.`,
      },
      {
        'zh-CN': `总分高的一方获胜；总分相同时，先达到该分数的一方获胜；同时达到则为平局，${rules.ties === 'last-place' ? '双方均按第 2 名领奖' : '双方均按获胜方领奖'}。得分为 0 的一方不获奖。`,
        en: `The side with the higher total wins; on equal totals, the side that reached it first; if both reached it at the same instant, it is a draw and ${rules.ties === 'last-place' ? 'both sides receive the rank-2 prize' : "both sides receive the winners' prize"}. A side with no points wins nothing.`,
      },
      {
        'zh-CN': `每人在本活动中最多发起 ${rules.launchesPerUser} 场对战。`,
        en: `Each person may start at most ${plural(rules.launchesPerUser, 'duel')} in this campaign.`,
      },
    );
  } else {
    lines.push(
      {
        'zh-CN': `按分数从高到低排名；分数相同时，先达到该分数者排名靠前；同时达到则名次并列（${rules.ranking === 'dense' ? '并列后名次连续，如 1、2、2、3' : '并列后跳过名次，如 1、2、2、4'}）。`,
        en: `Ranked by score; on equal scores, whoever reached it first ranks higher; reached at the same instant, they share a rank (${rules.ranking === 'dense' ? 'the next rank follows on: 1, 2, 2, 3' : 'the next rank is skipped: 1, 2, 2, 4'}).`,
      },
      rules.ties === 'last-place'
        ? {
            'zh-CN':
              '并列者均按并列所占的最后一个名次领奖（如 3 人并列第 1 名，占第 1–3 名，均获第 3 名的奖品），每项奖品的发放数量不超过其名额。',
            en: 'Tied members all receive the prize of the last place their tie takes (three tied at rank 1 take places 1–3 and each receives the rank-3 prize), so no prize is given more often than its places.',
          }
        : {
            'zh-CN': '并列者均获得所并列名次的奖品，因此获奖人数可能多于该奖项的名额。',
            en: 'Tied members all receive the prize of the rank they share, so more members than places may win a prize.',
          },
    );
  }
  for (const prize of rules.prizes) {
    const reward = rewardName(c, prize.rewardId);
    const ranks = prize.fromRank === prize.toRank ? `${prize.fromRank}` : `${prize.fromRank}–${prize.toRank}`;
    lines.push(
      duel
        ? {
            'zh-CN': `${prize.fromRank === 1 ? '获胜方' : '另一方'}每位成员获得「${reward}」。`,
            en: `Every member of the ${prize.fromRank === 1 ? 'winning' : 'other'} side receives "${reward}".`,
          }
        : { 'zh-CN': `第 ${ranks} 名：「${reward}」。`, en: `Rank ${ranks}: "${reward}".` },
    );
  }
  lines.push(
    {
      'zh-CN': `经风控审核认定作弊的记录不计入排名${rules.approval === 'operator' ? '；榜单在截止后由主办方审核确认' : ''}。`,
      en: `Entries found to cheat are excluded from the ranking${rules.approval === 'operator' ? '; the organiser reviews and approves the standings after the close' : ''}.`,
    },
    rules.publicationHours === 0
      ? { 'zh-CN': '结果确认后立即发奖。', en: 'Prizes are issued as soon as the results are approved.' }
      : {
          'zh-CN': `结果确认后公示 ${rules.publicationHours} 小时，公示期满后发奖。`,
          en: `Results are published for ${plural(rules.publicationHours, 'hour')} before prizes are issued.`,
        },
    { 'zh-CN': '公开榜单中的用户名已做脱敏处理。', en: 'Names on public boards are masked.' },
    ...closingLines(c),
  );
  return render(
    c,
    locale,
    { 'zh-CN': duel ? 'PK 规则' : '排行榜规则', en: duel ? 'Duel rules' : 'Leaderboard rules' },
    lines,
  );
}
