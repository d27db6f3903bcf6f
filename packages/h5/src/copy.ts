import type { Locale, RejectionReason } from '@liebian/core';

/** Interface copy in both languages. Marketer text comes from the campaign, never from here. */
export const COPY = {
  'zh-CN': {
    proofTitle: '为什么值得信赖',
    ctaTitle: '立即参与',
    rulesTitle: '活动规则',
    consent: (purpose: string) => `我已阅读《个人信息保护说明》，同意主办方为「${purpose}」处理我的手机号`,
    share: (name: string, purpose: string) => `同意向${name}提供我的手机号，用于${purpose}`,
    phone: '手机号',
    code: '短信验证码',
    submit: '提交',
    invite: '邀请好友',
    start: '立即参与',
    poster: '生成分享海报',
    posterCaption: '长按识别二维码，一起参与',
    close: '关闭',
    participants: (n: number) => `已有 ${n} 人参与`,
    left: (ms: number) => `剩余 ${timeLeft(ms, '天', '小时', '分')}`,
    ended: '已结束',
    recent: '最新动态',
    virtual: (n: number) => `含 ${n} 个系统虚拟名额`,
  },
  en: {
    proofTitle: 'Why you can trust this',
    ctaTitle: 'Take part',
    rulesTitle: 'Rules',
    consent: (purpose: string) =>
      `I have read the privacy notice and agree that the organiser uses my phone number for: ${purpose}`,
    share: (name: string, purpose: string) =>
      `I agree that my phone number is given to ${name} for ${purpose}`,
    phone: 'Phone number',
    code: 'SMS code',
    submit: 'Submit',
    invite: 'Invite friends',
    start: 'Take part',
    poster: 'Make a share poster',
    posterCaption: 'Scan to join in',
    close: 'Close',
    participants: (n: number) => `${n} taking part`,
    left: (ms: number) => `Ends in ${timeLeft(ms, 'd', 'h', 'm')}`,
    ended: 'Ended',
    recent: 'Latest',
    virtual: (n: number) => `including ${n} virtual seat${n === 1 ? '' : 's'}`,
  },
} satisfies Record<Locale, unknown>;

function timeLeft(ms: number, d: string, h: string, m: string): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  return days > 0 ? `${days}${d} ${hours}${h}` : `${hours}${h} ${minutes % 60}${m}`;
}

/**
 * Why an action is unavailable, in words a visitor understands. Reasons only back-end actions meet (operator
 * commands, coupon redemption at checkout) are left out to keep the page script small; `reasonText` falls back to
 * the generic "not available here" for them, never to the action's own label.
 */
export const REASON: Record<Locale, Partial<Record<RejectionReason, string>>> = {
  'zh-CN': {
    'already-helped': '你已经参与过了',
    'self-help': '不能为自己助力，快邀请好友吧',
    'not-initiator': '仅发起人可以操作',
    'not-applicable': '当前不可用',
    'group-full': '该团已满',
    'not-member': '你还不是成员',
    'already-joined': '你已加入本场 PK',
    'side-full': '这一方人数已满',
    flagged: '审核中，暂不计分',
    'not-live': '尚未开始',
    'already-referred': '你已接受过邀请',
    'not-purchasable': '还不能购买',
    'floor-reached': '已砍到底价',
    'goal-reached': '任务已完成',
    'instance-ended': '活动已结束',
    'quota-exhausted': '你的参与次数已用完',
    'launch-limit': '你已发起过了',
    'sold-out': '已抢光',
    'budget-exhausted': '奖励已发完',
    'new-users-only': '仅限新用户参与',
    'campaign-ended': '活动已结束',
    'campaign-paused': '活动暂停中',
  },
  en: {
    'already-helped': 'You have already taken part',
    'self-help': 'You cannot help yourself — invite friends',
    'not-initiator': 'Only the initiator can do this',
    'not-applicable': 'Not available here',
    'group-full': 'This group is full',
    'not-member': 'You are not a member yet',
    'already-joined': 'You are already in this duel',
    'side-full': 'This side is full',
    flagged: 'Under review, not scored',
    'not-live': 'Not started yet',
    'already-referred': 'You have already accepted an invite',
    'not-purchasable': 'Not for sale yet',
    'floor-reached': 'The floor price is reached',
    'goal-reached': 'The task is complete',
    'instance-ended': 'This has ended',
    'quota-exhausted': 'You have used all your turns',
    'launch-limit': 'You have started one already',
    'sold-out': 'Sold out',
    'budget-exhausted': 'All rewards are given out',
    'new-users-only': 'New users only',
    'campaign-ended': 'The campaign has ended',
    'campaign-paused': 'The campaign is paused',
  },
};

/** The words for a refusal reason, or the generic one. */
export const reasonText = (locale: Locale, reason: RejectionReason): string =>
  REASON[locale][reason] ?? (REASON[locale]['not-applicable'] as string);
