/**
 * What a skilled engineer writes by hand for the same campaign, without the engine: one store round trip per help,
 * per claim, per start, and a sweeper for deadlines. Every implementation keeps the same guarantees the bench
 * checks on the engine — a retried help is answered as a duplicate and applied once, one help per friend per
 * bargain, the floor hit exactly at the last planned helper, stock never over-issued, one coupon per user, every
 * deadline fired once — so the ratio compares equal work.
 */

/** The bargain rules a baseline needs (the bench's campaigns: uniform cut, a fixed number of helpers to the floor). */
export interface BargainTerms {
  readonly price: number;
  readonly floor: number;
  readonly helpersToFloor: number;
  readonly min: number;
  readonly max: number;
  readonly limitMs: number;
}

export type Outcome = 'applied' | 'duplicate' | 'rejected';

export interface StoredBargain {
  readonly helps: number;
  readonly price: number;
  readonly state: string;
}

export interface Baseline {
  /** One line: what the baseline does per operation. */
  readonly describe: string;
  start(campaign: string, id: string, initiator: string, now: number, terms: BargainTerms): Promise<Outcome>;
  help(
    campaign: string,
    id: string,
    helper: string,
    eventId: string,
    now: number,
    terms: BargainTerms,
  ): Promise<Outcome>;
  openStock(campaign: string, stock: number, shares: readonly string[], perShare: number): Promise<void>;
  claim(campaign: string, share: string, user: string, eventId: string): Promise<Outcome>;
  /** Expires up to `limit` bargains due at `now`; returns how many it expired. */
  sweep(campaign: string, now: number, limit: number): Promise<number>;
  read(campaign: string, ids: readonly string[]): Promise<(StoredBargain | null)[]>;
  stockLeft(campaign: string): Promise<number>;
  /** Bytes the baseline's data takes in its store, or null where the store cannot tell. */
  bytes(): Promise<number | null>;
  dispose(): Promise<void>;
}

/**
 * The next cut, as the engine's uniform strategy draws it: uniform in [min, max], moved into the window that keeps
 * the floor exact, the last planned helper taking what is left.
 */
export function cutOf(terms: BargainTerms, price: number, helps: number, u: number): number {
  const remaining = price - terms.floor;
  const after = terms.helpersToFloor - helps - 1;
  if (after === 0) return remaining;
  const lo = Math.max(terms.min, remaining - after * terms.max);
  const hi = Math.min(terms.max, remaining - after * terms.min);
  return Math.min(hi, lo + Math.floor(u * (hi - lo + 1)));
}
