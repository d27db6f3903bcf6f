import type { MechanicKind } from '../campaign/campaign-schema.js';
import { LiebianError } from '../errors/liebian-error.js';
import { assistMechanic } from './assist/assist-mechanic.js';
import { bargainMechanic } from './bargain/bargain-mechanic.js';
import { couponMechanic } from './coupon/coupon-mechanic.js';
import { groupBuyMechanic } from './group-buy/group-buy-mechanic.js';
import { leaderboardMechanic } from './leaderboard/leaderboard-mechanic.js';
import type { AnyMechanic } from './mechanic.js';
import { referralMechanic } from './referral/referral-mechanic.js';
import { swapMechanic } from './swap/swap-mechanic.js';

/** Every mechanic this version ships, by kind. */
export const mechanics: Partial<Record<MechanicKind, AnyMechanic>> = {
  bargain: bargainMechanic,
  assist: assistMechanic,
  coupon: couponMechanic,
  'group-buy': groupBuyMechanic,
  leaderboard: leaderboardMechanic,
  referral: referralMechanic,
  swap: swapMechanic,
};

/** The kinds that have a mechanic in this version. */
export const availableKinds = (): MechanicKind[] => Object.keys(mechanics) as MechanicKind[];

export function mechanicFor(kind: string): AnyMechanic {
  const mechanic = mechanics[kind as MechanicKind];
  if (!mechanic) {
    throw new LiebianError(
      'unsupported-kind',
      `kind "${kind}" has no mechanic in this version; use one of: ${availableKinds().join(', ')}`,
      { issues: [{ path: 'kind', value: kind, message: `use one of ${availableKinds().join(', ')}` }] },
    );
  }
  return mechanic;
}
