import { formatMoney } from '../../primitives/money.js';
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
import type { ReferralCampaign } from './schema.js';

const TRIGGER: Record<'signup' | 'first-order', Text> = {
  signup: { 'zh-CN': '完成注册', en: 'signs up' },
  'first-order': { 'zh-CN': '完成首单', en: 'places a first order' },
};

const ATTRIBUTION: Record<ReferralCampaign['rules']['attribution'], Text> = {
  'first-touch': {
    'zh-CN': '每位好友只归属于其最先接受邀请的邀请人，之后不再变更。',
    en: 'Each friend belongs to the first referrer whose invite they accept, and this never changes.',
  },
  'registration-only': {
    'zh-CN': '仅新注册用户可被邀请；每位好友只归属于其最先接受邀请的邀请人。',
    en: 'Only new users can be referred; each friend belongs to the first referrer whose invite they accept.',
  },
  'last-touch': {
    'zh-CN':
      '好友归属于其最近一次接受邀请的邀请人：转化前接受了其他人的邀请，奖励归新的邀请人；好友转化或开始邀请他人后，归属不再变更。',
    en: 'A friend belongs to the referrer whose invite they accepted last: accepting another invite before converting moves them to that referrer; once they convert or start referring others, this no longer changes.',
  },
};

/** The rules of a referral campaign in plain words, generated from its own fields only. */
export function discloseReferral(c: ReferralCampaign, locale: Locale): Disclosure {
  const { rules } = c;
  const converts: Text =
    rules.trigger === 'custom'
      ? { 'zh-CN': rules.triggerLabel ?? '', en: `completes "${rules.triggerLabel ?? ''}"` }
      : TRIGGER[rules.trigger];
  const lines: Text[] = [scheduleLine(c)];
  if (rules.minOrderFen !== undefined)
    lines.push({
      'zh-CN': `好友首单实付满 ${formatMoney(rules.minOrderFen)} 才计为成功邀请。`,
      en: `A friend counts only if their first order comes to at least ${formatMoney(rules.minOrderFen)}.`,
    });
  if (rules.refereeReward) {
    const name = rewardName(c, rules.refereeReward.rewardId);
    lines.push(
      rules.refereeReward.timing === 'upfront'
        ? {
            'zh-CN': `好友接受邀请即得「${name}」。`,
            en: `A friend who accepts the invite receives "${name}".`,
          }
        : {
            'zh-CN': `好友${converts['zh-CN']}后得「${name}」。`,
            en: `A friend who ${converts.en} receives "${name}".`,
          },
    );
  }
  if (rules.referrerReward) {
    const name = rewardName(c, rules.referrerReward.rewardId);
    const friend = rules.refereeReward && rewardName(c, rules.refereeReward.rewardId);
    lines.push({
      'zh-CN': `每邀请一位好友${converts['zh-CN']}，邀请人得「${name}」，最多 ${rules.capPerReferrer} 位${friend ? `；超过后邀请人不再获得奖励，好友仍得「${friend}」` : ''}。`,
      en: `For each friend who ${converts.en}, the referrer receives "${name}", for at most ${rules.capPerReferrer} friends${friend ? `; after that the referrer receives nothing more, and friends still receive "${friend}"` : ''}.`,
    });
  }
  if (rules.referrerTiers) {
    const zh = rules.referrerTiers
      .map((t) => `满 ${t.conversions} 位得「${rewardName(c, t.rewardId)}」`)
      .join('，');
    const en = rules.referrerTiers
      .map((t) => `"${rewardName(c, t.rewardId)}" at ${plural(t.conversions, 'friend')}`)
      .join(', ');
    lines.push({
      'zh-CN': `邀请人另按成功邀请（${converts['zh-CN']}且未退款）的好友人数获得阶梯奖励：${zh}；每档只发一次，因退款使人数低于某档时，该档奖励取消（冻结期内）或追回。`,
      en: `The referrer also receives tier rewards by the number of friends who ${converts.en} and are not refunded: ${en}; each tier once, and a refund that takes the count below a tier cancels its reward (during the freeze) or claws it back.`,
    });
  }
  lines.push(
    {
      'zh-CN': `好友须在接受邀请后 ${formatMinutes(rules.windowDays * 1440, 'zh-CN')}内${converts['zh-CN']}，逾期不计奖励。`,
      en: `The friend must do so within ${formatMinutes(rules.windowDays * 1440, 'en')} of accepting; later conversions earn nothing.`,
    },
    ATTRIBUTION[rules.attribution],
    {
      'zh-CN': '已邀请过他人的用户不能再被邀请（防止互相邀请刷奖）。',
      en: 'Someone who has referred others cannot be referred (no referral loops).',
    },
  );
  if (rules.freezeDays > 0) {
    lines.push({
      'zh-CN': `转化产生的奖励先冻结 ${rules.freezeDays} 天，期间发生退款则奖励取消；冻结期后退款的，已发奖励将被追回。`,
      en: `Rewards from a conversion are held for ${rules.freezeDays} days; a refund in that time cancels them, and a later refund claws them back.`,
    });
  } else {
    lines.push({
      'zh-CN': '奖励在转化后即发放；发生退款的，已发奖励将被追回。',
      en: 'Rewards are approved at conversion; a refund claws them back.',
    });
  }
  lines.push(...antiAbuseLines(c, { 'zh-CN': '接受邀请', en: 'accept an invite' }), ...closingLines(c));
  return render(c, locale, { 'zh-CN': '邀请规则', en: 'Referral rules' }, lines);
}
