import type { MechanicKind } from '../campaign/campaign-schema.js';

/**
 * One step of a funnel: its id (page copy names it per locale), the metrics it sums, and what it counts. Visitors,
 * sharers and friends who opened come from the page events of the beacon route (`foldPageEvent`).
 */
export interface FunnelStepSpec {
  readonly id: string;
  readonly metrics: readonly string[];
  readonly unit: 'people' | 'instances' | 'events';
  /** Counted from page events: not measured (null) over days without any page event, rather than 0. */
  readonly fromPages?: boolean;
}

const step = (
  id: string,
  metrics: readonly string[],
  unit: FunnelStepSpec['unit'],
  fromPages = false,
): FunnelStepSpec => ({ id, metrics, unit, ...(fromPages ? { fromPages } : {}) });
const launched = step('launched', ['participants'], 'people');
const shared = step('shared', ['sharers'], 'people', true);

/**
 * The funnel every campaign has: visitors → participants → sharers → friends who opened → friends who acted → new
 * users → paying customers.
 */
export const GENERIC_FUNNEL: readonly FunnelStepSpec[] = [
  step('visitors', ['visitors'], 'people', true),
  launched,
  shared,
  step('friends-opened', ['friends-opened'], 'people', true),
  step('friends-acted', ['friends'], 'people'),
  step('new-users', ['new-users'], 'people'),
  step('paying', ['payers'], 'people'),
];

/** Each mechanic's own funnel, in its own steps (砍: 发起 → 分享 → 帮砍 → 砍到底 → 购买). */
export const MECHANIC_FUNNELS: Readonly<Record<MechanicKind, readonly FunnelStepSpec[]>> = {
  bargain: [
    launched,
    shared,
    step('helped', ['actors:bargain.help'], 'people'),
    step('floor-reached', ['effects:bargain.purchasable:floor'], 'instances'),
    step('purchased', ['effects:bargain.purchased'], 'instances'),
  ],
  assist: [
    launched,
    shared,
    step('helped', ['actors:assist.help'], 'people'),
    step('tier-reached', ['effects:assist.tier-reached'], 'events'),
    step('completed', ['effects:assist.completed'], 'instances'),
  ],
  'group-buy': [
    launched,
    shared,
    step('joined', ['actors:group-buy.join'], 'people'),
    step('paid', ['actors:group-buy.pay'], 'people'),
    step('group-succeeded', ['effects:group-buy.succeeded'], 'instances'),
  ],
  coupon: [
    launched,
    shared,
    step('claimed', ['actors:coupon.claim', 'actors:coupon.join'], 'people'),
    step('coupon-issued', ['effects:coupon.issued'], 'events'),
    step('redeemed', ['effects:coupon.redeemed'], 'events'),
  ],
  referral: [
    launched,
    shared,
    step('accepted', ['actors:referral.accept'], 'people'),
    step('converted', ['effects:referral.converted'], 'events'),
    step('rewarded', ['effects:referral.reward-approved'], 'events'),
  ],
  leaderboard: [
    launched,
    step('joined', ['actors:leaderboard.join'], 'people'),
    step('scored', ['effects:leaderboard.scored'], 'events'),
    step('prize-awarded', ['effects:leaderboard.prize-awarded'], 'events'),
  ],
  swap: [
    launched,
    shared,
    step('proposed', ['actors:swap.propose'], 'people'),
    step('swap-accepted', ['effects:swap.accepted'], 'events'),
    step('swap-completed', ['effects:swap.completed'], 'instances'),
  ],
};
