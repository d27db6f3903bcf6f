import { type Availability, formatMoney, type InstanceView, type Locale } from '@liebian/core';
import { reasonText } from './copy.js';

export interface PrimaryAction {
  /** The command type to send, `invite` for sharing, `start` for the viewer's own instance, `none` for none. */
  readonly action: string;
  readonly label: string;
  readonly allowed: boolean;
  /** Fields sent with the command (e.g. the side a duel join takes). */
  readonly payload?: Readonly<Record<string, unknown>>;
  /**
   * The loop: when this viewer can do nothing more here (they helped, it is full, it ended), the words that offer
   * them their own instance of the campaign; the page then shows `label` as the state and this as the button.
   */
  readonly loop?: string;
}

type Words = readonly [zh: string, en: string];

/** States that ended well say so, rather than "ended". */
function success(view: InstanceView): Words | undefined {
  switch (`${view.kind}:${view.state}`) {
    case 'bargain:purchased':
      return ['已下单，感谢好友助力', 'Ordered — thanks to your friends'];
    case 'assist:completed':
      return ['助力目标已达成', 'The goal is reached'];
    case 'group-buy:succeeded':
      return ['拼团成功', 'The group succeeded'];
    case 'swap:completed':
      return ['交换完成', 'Swap complete'];
    case 'leaderboard:settled':
      return ['奖励已发放', 'Prizes issued'];
  }
  // A pool that filled has issued its coupons (then `closed`, and `settled` once all are used or lapsed).
  if (view.kind === 'coupon' && view.mode === 'pool' && view.people.left === 0 && view.state !== 'failed')
    return ['瓜分成功，券已发放', 'The pool filled — coupons issued'];
  return undefined;
}

/** States that ended without success say what happened, whatever the viewer did before. */
const ENDED: Record<string, Words> = {
  'bargain:expired': ['砍价已到期', 'This bargain expired'],
  'bargain:unpaid': ['未在付款期内下单，已结束', 'Not bought within the pay window — ended'],
  'bargain:cancelled': ['发起人已取消', 'Cancelled by the initiator'],
  'assist:expired': ['助力已到期，已达成的档位奖励照常发放', 'Expired — tiers reached are still granted'],
  'assist:cancelled': ['发起人已取消', 'Cancelled by the initiator'],
  'coupon:failed': ['瓜分未成团，已结束', 'The pool did not fill — ended'],
  'coupon:closed': ['领券已结束', 'Claiming has ended'],
  'coupon:settled': ['领券已结束', 'Claiming has ended'],
  'group-buy:failed': ['拼团未成功，已付款项将原路退回', 'The group did not fill — payments are refunded'],
  'swap:expired': ['交换已过期', 'This listing expired'],
  'swap:cancelled': ['发布人已取消', 'Cancelled by the owner'],
  'leaderboard:cancelled': ['本场 PK 已取消', 'This duel was called off'],
  'referral:closed': ['邀请活动已结束', 'This referral link is closed'],
};

/**
 * The loop: the words that offer a friend or visitor their own instance of the same campaign. A swap needs an
 * item to list and a leaderboard board is opened by the operator, so neither offers it.
 */
export function loopLabel(view: InstanceView, locale: Locale): string | null {
  const words: Words | null = (() => {
    switch (view.kind) {
      case 'bargain':
        return ['我也要发起砍价', 'Start my own bargain'];
      case 'assist':
        return ['我也要发起助力', 'Start my own'];
      case 'group-buy':
        return ['我也去开团', 'Start my own group'];
      case 'coupon':
        return view.mode === 'pool'
          ? ['我也发起瓜分', 'Start my own pool']
          : ['我也领', 'Get my own to share'];
      case 'referral':
        return ['我也去邀请好友', 'Invite my own friends'];
      case 'leaderboard':
        return view.format === 'duel' ? ['我也发起 PK', 'Start my own duel'] : null;
      case 'swap':
        return null;
    }
  })();
  return words ? pick(words, locale) : null;
}

const pick = (words: Words, locale: Locale) => (locale === 'zh-CN' ? words[0] : words[1]);

/** Refusals that read better in a mechanic's own words. */
const OWN_WORDS: Record<string, Words> = {
  'swap:already-helped': ['你的交换提议已发出，等待对方回复', 'Your proposal is waiting for an answer'],
};

const OTHER_ROLE = new Set(['not-initiator', 'not-member', 'not-holder', 'not-operator', 'not-applicable']);

type Choice = readonly [
  action: string,
  availability: Availability,
  zh: string,
  en: string,
  payload?: Readonly<Record<string, unknown>>,
];

/**
 * The one thing this viewer should do next, per kind, role and state: the first allowed choice, else why not.
 * When the instance offers a friend or visitor nothing more (they helped, it is full, it ended) and the campaign
 * still starts instances (`canStart`), `loop` offers them their own instance.
 *
 * @example
 * primaryAction(await engine.view(id, viewer), 'zh-CN', true); // { action: 'bargain.help', label: '帮TA砍一刀', allowed: true }
 */
export function primaryAction(view: InstanceView, locale: Locale, canStart: boolean): PrimaryAction {
  const loop = canStart ? loopLabel(view, locale) : null;
  const own = view.role === 'initiator';
  const done = success(view);
  if (done)
    return { action: 'none', label: pick(done, locale), allowed: false, ...(loop && !own ? { loop } : {}) };
  const ended = ENDED[`${view.kind}:${view.state}`];
  const all = choicesFor(view);
  // Actions of another role (the initiator's purchase, for a friend) say nothing useful to this viewer.
  const choices = all.filter(([, a]) => a.allowed || !OTHER_ROLE.has(a.reason));
  const first = choices.find(([, a]) => a.allowed) ?? choices[0] ?? all[0];
  if (first?.[1].allowed) {
    const [action, , zh, en, payload] = first;
    return { action, label: pick([zh, en], locale), allowed: true, ...(payload ? { payload } : {}) };
  }
  const why = ended
    ? pick(ended, locale)
    : first && !first[1].allowed
      ? pick(OWN_WORDS[`${view.kind}:${first[1].reason}`] ?? ['', ''], locale) ||
        reasonText(locale, first[1].reason)
      : '';
  // A friend's page offers them their own; an ended instance of one's own may be started again.
  return {
    action: first?.[0] ?? 'none',
    label: why,
    allowed: false,
    ...(loop && (!own || ended) ? { loop } : {}),
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
        // Confirming is a step of the handover only; before it, it says nothing to anyone.
        ...(view.handover
          ? [['swap.confirm', view.can.confirm, '确认已交接', 'Confirm the handover'] as Choice]
          : []),
        ['invite', view.can.invite, '分享我的闲置', 'Share my listing'],
        ['swap.propose', view.can.propose, '我要交换', 'Propose a swap'],
      ];
  }
}
