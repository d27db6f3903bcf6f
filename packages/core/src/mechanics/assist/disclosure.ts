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
import { type AssistCampaign, goalOf } from './schema.js';

/** The rules of an assist campaign in plain words, generated from its own fields only. */
export function discloseAssist(c: AssistCampaign, locale: Locale): Disclosure {
  const { rules } = c;
  const goal = goalOf(rules);
  const { newUser, existing } = rules.weights;
  const lines: Text[] = [
    scheduleLine(c),
    {
      'zh-CN': `邀请好友助力，累计 ${goal} 点助力即完成任务。`,
      en: `Invite friends to help; the task is complete at ${plural(goal, 'help point')}.`,
    },
    ...rules.tiers.map(
      (tier): Text => ({
        'zh-CN': `累计 ${tier.helps} 点：获得「${rewardName(c, tier.rewardId)}」。`,
        en: `At ${plural(tier.helps, 'point')}: "${rewardName(c, tier.rewardId)}".`,
      }),
    ),
    newUser === existing
      ? {
          'zh-CN': `每位好友助力计 ${existing} 点。`,
          en: `Each friend's help counts ${plural(existing, 'point')}.`,
        }
      : {
          'zh-CN': `新用户助力计 ${newUser} 点，老用户助力计 ${existing} 点。`,
          en: `A new user's help counts ${plural(newUser, 'point')}; an existing user's ${plural(existing, 'point')}.`,
        },
  ];
  if (rules.helperRewardId !== undefined) {
    const name = rewardName(c, rules.helperRewardId);
    lines.push({
      'zh-CN': `为好友助力即可获得「${name}」。`,
      en: `Every friend who helps receives "${name}".`,
    });
  }
  lines.push(
    {
      'zh-CN': `任务发起后 ${formatMinutes(rules.timeLimitMinutes, 'zh-CN')}内有效，且不晚于活动结束时间；到期前达到的档位奖励照常发放。`,
      en: `A task collects help for ${formatMinutes(rules.timeLimitMinutes, 'en')} and never past the campaign end; tiers reached before then are still granted.`,
    },
    {
      'zh-CN': `每人在本活动中最多发起 ${rules.launchesPerUser} 个任务。`,
      en: `Each person may start at most ${plural(rules.launchesPerUser, 'task')} in this campaign.`,
    },
    rules.helperQuotaPerCampaign === undefined
      ? { 'zh-CN': '每位好友对同一个任务只能助力一次。', en: 'Each friend can help a given task once.' }
      : {
          'zh-CN': `每位好友在本活动中最多为 ${rules.helperQuotaPerCampaign} 个任务助力，每个任务一次。`,
          en: `Each friend may help at most ${plural(rules.helperQuotaPerCampaign, 'task')} in this campaign, once each.`,
        },
    ...antiAbuseLines(c, { 'zh-CN': '助力', en: 'help' }),
    ...closingLines(c),
  );
  return render(c, locale, { 'zh-CN': '助力规则', en: 'Assist rules' }, lines);
}
