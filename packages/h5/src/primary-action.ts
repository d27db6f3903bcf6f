import { type Availability, formatMoney, type InstanceView, type Locale } from '@liebian/core';
import { REASON } from './copy.js';

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
  const all = choicesFor(view);
  // Actions of another role (the initiator's purchase, for a friend) say nothing useful to this viewer.
  const choices = all.filter(([, a]) => a.allowed || !OTHER_ROLE.has(a.reason));
  const first = choices.find(([, a]) => a.allowed) ?? choices[0] ?? all[0];
  if (!first) return { action: 'none', label: '', allowed: false };
  const [action, availability, zh, en, payload] = first;
  if (availability.allowed)
    return { action, label: locale === 'zh-CN' ? zh : en, allowed: true, ...(payload ? { payload } : {}) };
  return {
    action,
    label: REASON[locale][availability.reason] ?? (locale === 'zh-CN' ? zh : en),
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
