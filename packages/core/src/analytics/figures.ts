import type { Figures, MoneyFigures, PageFigures } from './types.js';

/** One counter of a campaign: a metric on a day through a channel. */
export interface Cell {
  readonly metric: string;
  readonly day: string;
  readonly channel: string | null;
  readonly value: number;
}

/** Sums cells by metric. */
export function sumByMetric(cells: readonly Cell[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const cell of cells) sums.set(cell.metric, (sums.get(cell.metric) ?? 0) + cell.value);
  return sums;
}

const ratio = (top: number, bottom: number) => (bottom === 0 ? null : top / bottom);

/** The money figures of summed cells. */
export function moneyOf(sums: ReadonlyMap<string, number>): MoneyFigures {
  const get = (metric: string) => sums.get(metric) ?? 0;
  const subsidyFen = get('subsidy-fen');
  const rewardCostFen = get('reward-cost-fen');
  const costFen = subsidyFen + rewardCostFen;
  const revenueFen = get('revenue-fen');
  const newUsers = get('new-users');
  return {
    revenueFen,
    orders: get('orders'),
    subsidyFen,
    rewardCostFen,
    costFen,
    rewardsGranted: get('rewards-granted'),
    rewardsRedeemed: get('rewards-redeemed'),
    rewardsClawedBack: get('rewards-clawed-back'),
    refundFen: get('refund-fen'),
    refunds: get('refunds'),
    cacFen: newUsers === 0 ? null : Math.round(costFen / newUsers),
    roi: ratio(revenueFen - costFen, costFen),
  };
}

/** The page-event figures of summed cells. */
export function pageOf(sums: ReadonlyMap<string, number>): PageFigures {
  const get = (metric: string) => sums.get(metric) ?? 0;
  return {
    visitors: get('visitors'),
    dailyVisitors: get('daily-visitors'),
    pageViews: get('page:page-view'),
    sectionsSeen: get('page:section-seen'),
    shareTaps: get('page:share-tap'),
    posterOpens: get('page:poster-open'),
    sharers: get('sharers'),
    inviteOpens: get('page:invite-open'),
    friendsOpened: get('friends-opened'),
  };
}

/** The headline figures of summed cells. */
export function figuresOf(sums: ReadonlyMap<string, number>): Figures {
  const get = (metric: string) => sums.get(metric) ?? 0;
  return {
    participants: get('participants'),
    launches: get('launches'),
    friends: get('friends'),
    friendActions: get('friend-actions'),
    newUsers: get('new-users'),
    payingCustomers: get('payers'),
    money: moneyOf(sums),
    page: pageOf(sums),
  };
}

/** Relative change from `before` to `now` (null from 0). */
export const change = (now: number, before: number) => ratio(now - before, before);

export { ratio };
