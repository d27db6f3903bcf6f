import type { InstanceView } from '@liebian/core';
import type { Availability } from '@liebian/core/mechanics';
import { reasonText } from './copy/copy-words.js';
import type { Copy } from './copy/zh-cn.js';

/**
 * The one button a page shows the viewer: the command it sends (or sharing, or launching their own), its
 * words, and whether it may be pressed.
 *
 * @example
 * const action: PrimaryAction = primaryAction(view, COPY['zh-CN'], true);
 * if (action.allowed && action.action !== 'none') console.log(action.label);
 */
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

const SUCCESS = new Set([
  'bargain:purchased',
  'assist:completed',
  'group-buy:succeeded',
  'swap:completed',
  'leaderboard:settled',
]);

/** The outcome key of a state that ended well (the words say so, rather than "ended"). */
function success(view: InstanceView): string | undefined {
  const key = `${view.kind}:${view.state}`;
  if (SUCCESS.has(key)) return key;
  // A pool that filled has issued its coupons (then `closed`, and `settled` once all are used or lapsed).
  if (view.kind === 'coupon' && view.mode === 'pool' && view.people.left === 0 && view.state !== 'failed')
    return 'coupon:pool-filled';
  return undefined;
}

/**
 * The loop: the words that offer a friend or visitor their own instance of the same campaign. A swap needs an
 * item to list and a leaderboard board is opened by the operator, so neither offers it.
 *
 * @example
 * loopLabel(groupBuyView, COPY['zh-CN']); // '我也去开团'
 */
export function loopLabel(view: InstanceView, copy: Copy): string | null {
  const key =
    view.kind === 'coupon'
      ? `coupon:${view.mode}`
      : view.kind === 'leaderboard'
        ? `leaderboard:${view.format}`
        : view.kind;
  return copy.loop[key] ?? null;
}

const OTHER_ROLE = new Set(['not-initiator', 'not-member', 'not-holder', 'not-operator', 'not-applicable']);

type Choice = readonly [
  action: string,
  availability: Availability,
  label: string,
  payload?: Readonly<Record<string, unknown>>,
];

/**
 * The one thing this viewer should do next, per kind, role and state: the first allowed choice, else why not.
 * When the instance offers a friend or visitor nothing more (they helped, it is full, it ended) and the campaign
 * still starts instances (`canStart`), `loop` offers them their own instance.
 *
 * @example
 * primaryAction(await engine.view(id, viewer), COPY['zh-CN'], true); // { action: 'bargain.help', label: '帮TA砍一刀', allowed: true }
 */
export function primaryAction(view: InstanceView, copy: Copy, canStart: boolean): PrimaryAction {
  const loop = canStart ? loopLabel(view, copy) : null;
  const own = view.role === 'initiator';
  const done = success(view);
  if (done)
    return {
      action: 'none',
      label: copy.outcomes[done] ?? '',
      allowed: false,
      ...(loop && !own ? { loop } : {}),
    };
  const ended = copy.outcomes[`${view.kind}:${view.state}`];
  const all = choicesFor(view, copy);
  // Actions of another role (the initiator's purchase, for a friend) say nothing useful to this viewer.
  const choices = all.filter(([, a]) => a.allowed || !OTHER_ROLE.has(a.reason));
  const first = choices.find(([, a]) => a.allowed) ?? choices[0] ?? all[0];
  if (first?.[1].allowed) {
    const [action, , label, payload] = first;
    return { action, label, allowed: true, ...(payload ? { payload } : {}) };
  }
  const why =
    ended ??
    (first && !first[1].allowed
      ? (copy.outcomes[`${view.kind}:${first[1].reason}`] ?? reasonText(copy, first[1].reason))
      : '');
  // A friend's page offers them their own; an ended instance of one's own may be started again.
  return {
    action: first?.[0] ?? 'none',
    label: why,
    allowed: false,
    ...(loop && (!own || ended) ? { loop } : {}),
  };
}

function choicesFor(view: InstanceView, copy: Copy): Choice[] {
  const a = copy.actions;
  switch (view.kind) {
    case 'bargain':
      return [
        ['bargain.purchase', view.can.purchase, a['bargain.purchase'](view.price.current)],
        ['invite', view.can.invite, a['bargain.invite']],
        ['bargain.help', view.can.help, a['bargain.help']],
      ];
    case 'assist':
      return [
        ['invite', view.can.invite, a['assist.invite']],
        ['assist.help', view.can.help, a['assist.help']],
      ];
    case 'coupon':
      return [
        ['invite', view.can.invite, a['coupon.invite']],
        view.mode === 'pool'
          ? ['coupon.join', view.can.join, a['coupon.join']]
          : ['coupon.claim', view.can.claim, a['coupon.claim']],
      ];
    case 'group-buy':
      return [
        ['group-buy.pay', view.can.pay, a['group-buy.pay'](view.price.mine ?? view.price.group)],
        ['invite', view.can.invite, a['group-buy.invite']],
        ['group-buy.join', view.can.join, a['group-buy.join'](view.price.group)],
      ];
    case 'leaderboard':
      return [
        [
          'leaderboard.join',
          view.can.join,
          a['leaderboard.join'](view.joinSide ?? 'b'),
          { side: view.joinSide ?? 'b' },
        ],
        ['invite', view.can.invite, a['leaderboard.invite'](view.format === 'duel')],
      ];
    case 'referral':
      return [
        ['invite', view.can.invite, a['referral.invite']],
        ['referral.accept', view.can.accept, a['referral.accept']],
      ];
    case 'swap':
      return [
        // Confirming is a step of the handover only; before it, it says nothing to anyone.
        ...(view.handover ? [['swap.confirm', view.can.confirm, a['swap.confirm']] as Choice] : []),
        ['invite', view.can.invite, a['swap.invite']],
        ['swap.propose', view.can.propose, a['swap.propose']],
      ];
  }
}
