import { type Availability, formatMoney, type InstanceView, type Locale } from '@liebian/core';
import { reasonText } from './copy.js';

export interface PrimaryAction {
  /** The command type to send, or `invite` for sharing. */
  readonly action: string;
  readonly label: string;
  readonly allowed: boolean;
  /** Fields sent with the command (e.g. the side a duel join takes). */
  readonly payload?: Readonly<Record<string, unknown>>;
}

/** States that ended well say so, rather than "ended". */
const SUCCESS: Record<string, readonly [zh: string, en: string]> = {
  'bargain:purchased': ['已下单，感谢好友助力', 'Ordered — thanks to your friends'],
  'assist:completed': ['任务已完成', 'Task complete'],
  'group-buy:succeeded': ['拼团成功', 'The group succeeded'],
  'swap:completed': ['交换完成', 'Swap complete'],
  'leaderboard:settled': ['奖励已发放', 'Prizes issued'],
};

/** States that ended without success say what happened and what to do next, whatever the viewer did before. */
const ENDED: Record<string, readonly [zh: string, en: string]> = {
  'bargain:expired': ['砍价已到期，可以重新发起', 'This bargain expired — start a new one'],
  'bargain:unpaid': ['未在付款期内下单，已结束', 'Not bought within the pay window — ended'],
  'bargain:cancelled': ['发起人已取消', 'Cancelled by the initiator'],
  'assist:expired': ['助力已到期，已达成的档位奖励照常发放', 'Expired — tiers reached are still granted'],
  'assist:cancelled': ['发起人已取消', 'Cancelled by the initiator'],
  'coupon:failed': ['瓜分未成团，已结束', 'The pool did not fill — ended'],
  'group-buy:failed': ['拼团未成功，已付款项将原路退回', 'The group did not fill — payments are refunded'],
  'swap:expired': ['交换已过期', 'This listing expired'],
  'swap:cancelled': ['发布人已取消', 'Cancelled by the owner'],
  'leaderboard:cancelled': ['本场 PK 已取消', 'This duel was called off'],
  'referral:closed': ['邀请活动已结束', 'This referral link is closed'],
};

const OTHER_ROLE = new Set(['not-initiator', 'not-member', 'not-holder', 'not-operator', 'not-applicable']);

type Choice = readonly [
  action: string,
  availability: Availability,
  zh: string,
  en: string,
  payload?: Readonly<Record<string, unknown>>,
];

/** The one thing this viewer should do next, per kind, role and state: the first allowed choice, else why not. */
export function primaryAction(view: InstanceView, locale: Locale): PrimaryAction {
  const success = SUCCESS[`${view.kind}:${view.state}`];
  if (success) return { action: 'none', label: locale === 'zh-CN' ? success[0] : success[1], allowed: false };
  const ended = ENDED[`${view.kind}:${view.state}`];
  const [zhEnded, enEnded] = ended ?? ['', ''];
  const endedLabel = locale === 'zh-CN' ? zhEnded : enEnded;
  const all = choicesFor(view);
  // Actions of another role (the initiator's purchase, for a friend) say nothing useful to this viewer.
  const choices = all.filter(([, a]) => a.allowed || !OTHER_ROLE.has(a.reason));
  const first = choices.find(([, a]) => a.allowed) ?? choices[0] ?? all[0];
  if (ended && !first?.[1].allowed) return { action: 'none', label: endedLabel, allowed: false };
  if (!first) return { action: 'none', label: '', allowed: false };
  const [action, availability, zh, en, payload] = first;
  if (availability.allowed)
    return { action, label: locale === 'zh-CN' ? zh : en, allowed: true, ...(payload ? { payload } : {}) };
  return {
    action,
    label: reasonText(locale, availability.reason),
    allowed: false,
  };
}

function choicesFor(view: InstanceView): Choice[] {
  switch (view.kind) {
    case 'bargain':
      return [
        [
          'bargain.purchase',
          view.can.purchase,
          `立即购买 ${formatMoney(view.price.current)}`,
          `Buy now at ${formatMoney(view.price.current)}`,
        ],
        ['invite', view.can.invite, '邀请好友帮砍', 'Invite friends to cut'],
        ['bargain.help', view.can.help, '帮TA砍一刀', 'Cut the price for them'],
      ];
    case 'assist':
      return [
        ['invite', view.can.invite, '邀请好友助力', 'Invite friends to help'],
        ['assist.help', view.can.help, '帮TA助力', 'Help them'],
      ];
    case 'coupon':
      return [
        ['invite', view.can.invite, '邀请好友', 'Invite friends'],
        view.mode === 'pool'
          ? ['coupon.join', view.can.join, '参与瓜分', 'Join the split']
          : ['coupon.claim', view.can.claim, '领取优惠券', 'Claim the coupon'],
      ];
    case 'group-buy':
      return [
        [
          'group-buy.pay',
          view.can.pay,
          `去付款 ${formatMoney(view.price.mine ?? view.price.group)}`,
          `Pay ${formatMoney(view.price.mine ?? view.price.group)}`,
        ],
        ['invite', view.can.invite, '邀请好友参团', 'Invite friends to join'],
        [
          'group-buy.join',
          view.can.join,
          `参团 ${formatMoney(view.price.group)}`,
          `Join at ${formatMoney(view.price.group)}`,
        ],
      ];
    case 'leaderboard':
      return [
        [
          'leaderboard.join',
          view.can.join,
          view.joinSide === 'a' ? '加入发起方' : '接受挑战',
          view.joinSide === 'a' ? 'Join the challengers' : 'Take the challenge',
          { side: view.joinSide ?? 'b' },
        ],
        [
          'invite',
          view.can.invite,
          view.format === 'duel' ? '邀请好友助阵' : '分享榜单',
          view.format === 'duel' ? 'Invite teammates' : 'Share the board',
        ],
      ];
    case 'referral':
      return [
        ['invite', view.can.invite, '邀请好友', 'Invite friends'],
        ['referral.accept', view.can.accept, '接受邀请', 'Accept the invite'],
      ];
    case 'swap':
      return [
        ['swap.confirm', view.can.confirm, '确认已交接', 'Confirm the handover'],
        ['invite', view.can.invite, '分享我的闲置', 'Share my listing'],
        ['swap.propose', view.can.propose, '我要交换', 'Propose a swap'],
      ];
  }
}
