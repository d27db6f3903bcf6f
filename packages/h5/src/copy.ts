import type { Locale, RejectionReason } from '@liebian/core';
import type { IslandMessages } from './islands.js';

/** The kinds of deadline a view reports, each with the words that label its countdown. */
type Until = Record<
  'expire' | 'pay-by' | 'close' | 'accept' | 'freeze' | 'settle' | 'handover',
  readonly [qualifier: string, prefix: string]
>;

/** Interface copy in both languages. Marketer text comes from the campaign, never from here. */
export const COPY = {
  'zh-CN': {
    proofTitle: '为什么值得信赖',
    ctaTitle: '更多参与方式',
    rulesTitle: '活动规则',
    privacyTitle: '个人信息保护',
    privacy:
      '我们仅在你同意后收集手机号，用于发送活动通知与领奖联系，不向第三方提供；你可随时联系主办方查询、更正或删除。',
    consent: '我已阅读并同意《个人信息保护说明》，同意主办方通过短信联系我',
    phone: '手机号',
    code: '短信验证码',
    submit: '提交',
    invite: '邀请好友',
    start: '立即参与',
    poster: '生成分享海报',
    posterCaption: '长按识别二维码，一起参与',
    close: '关闭',
    participants: (n: number) => `已有 ${n} 人参与`,
    day: '天',
    was: '原价',
    open: '待加入',
    /** What a countdown counts down to, by the deadline's kind: the qualifier, then the clock's own prefix. */
    until: {
      expire: ['活动', '剩余 '],
      'pay-by': ['支付', '剩余 '],
      close: ['邀请', '剩余 '],
      accept: ['应战', '剩余 '],
      freeze: ['比赛', '剩余 '],
      settle: ['公示', '剩余 '],
      handover: ['交接', '剩余 '],
    } satisfies Until,
    ended: '已结束',
    copyLink: '邀请链接（已复制，可粘贴发给好友）',
    recent: '最新动态',
    virtual: (n: number) => `含 ${n} 个系统虚拟名额`,
  },
  en: {
    proofTitle: 'Why you can trust this',
    ctaTitle: 'More ways to take part',
    rulesTitle: 'Rules',
    privacyTitle: 'Your personal information',
    privacy:
      'We collect your phone number only with your consent, to send campaign notices and contact prize winners; we do not share it. Contact the organiser to see, correct or delete it.',
    consent: 'I have read the privacy notice and agree that the organiser may text me',
    phone: 'Phone number',
    code: 'SMS code',
    submit: 'Submit',
    invite: 'Invite friends',
    start: 'Take part',
    poster: 'Make a share poster',
    posterCaption: 'Scan to join in',
    close: 'Close',
    participants: (n: number) => `${n} taking part`,
    day: 'd',
    was: 'was',
    open: 'open',
    until: {
      expire: ['', 'Ends in '],
      'pay-by': ['', 'Pay within '],
      close: ['', 'Invites close in '],
      accept: ['', 'Accept within '],
      freeze: ['', 'Scoring ends in '],
      settle: ['', 'Results in '],
      handover: ['', 'Hand over within '],
    } satisfies Until,
    ended: 'Ended',
    copyLink: 'Invite link (copied — paste it to a friend)',
    recent: 'Latest',
    virtual: (n: number) => `including ${n} virtual seat${n === 1 ? '' : 's'}`,
  },
} satisfies Record<Locale, unknown>;

/**
 * A countdown as the page shows it: `3天 04:05:06` (or `3d 04:05:06`) from a day on, `0:59:07` below a day. The
 * islands tick it with the same rule (`runIslands` repeats it, as it must be self-contained).
 *
 * @example
 * countdown(90_061_000, '天'); // '1天 01:01:01'
 */
export function countdown(ms: number, day: string): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const two = (n: number) => String(n).padStart(2, '0');
  const clock = `${two(Math.floor((s % 86_400) / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
  return s >= 86_400 ? `${Math.floor(s / 86_400)}${day} ${clock}` : clock.replace(/^0/, '');
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

const FAILURES: Record<Locale, Omit<IslandMessages, 'reasons'>> = {
  'zh-CN': {
    signIn: '请先登录后再参与',
    refused: '暂时无法操作，请刷新页面后再试',
    tooMany: '操作太频繁了，请稍后再试',
    server: '服务繁忙，请稍后再试',
    offline: '网络连接失败，请检查网络后再试',
  },
  en: {
    signIn: 'Please sign in first',
    refused: 'This cannot be done right now — reload the page and try again',
    tooMany: 'Too many tries — please wait a moment',
    server: 'The service is busy — please try again shortly',
    offline: 'No connection — check your network and try again',
  },
};

/**
 * What the islands say when an action fails, in the page's locale.
 *
 * @example
 * islandMessages('zh-CN').signIn; // '请先登录后再参与'
 */
export const islandMessages = (locale: Locale): IslandMessages => ({
  reasons: REASON[locale] as Record<string, string>,
  ...FAILURES[locale],
});
