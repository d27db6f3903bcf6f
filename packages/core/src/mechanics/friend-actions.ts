import type { MechanicKind } from '../campaign/campaign-schema.js';

/**
 * The commands a friend sends on someone else's instance, per kind: what risk checks, pauses and opening hours
 * apply to. Each mechanic's `isFriendAction` reads this table; pages read it too (it has no dependencies, so a
 * built page's script stays small).
 * @example FRIEND_ACTIONS['group-buy'] // ['group-buy.join']
 */
export const FRIEND_ACTIONS: Readonly<Record<MechanicKind, readonly string[]>> = {
  assist: ['assist.help'],
  bargain: ['bargain.help'],
  coupon: ['coupon.claim', 'coupon.join'],
  'group-buy': ['group-buy.join'],
  leaderboard: ['leaderboard.join'],
  referral: ['referral.accept'],
  swap: ['swap.propose'],
};

/** Whether `type` is a friend action of `kind`. */
export const isFriendAction = (kind: MechanicKind, type: string): boolean =>
  FRIEND_ACTIONS[kind].includes(type);
