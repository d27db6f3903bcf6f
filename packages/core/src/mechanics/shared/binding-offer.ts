import type { Release } from '../../engine/machine-step.js';
import type { Campaign, Reservation } from '../mechanic.js';
import { budgetCounter, budgetSpend, stockCounter, totalStockUnits } from './instance-basics.js';

/**
 * A binding offer (see docs/glossary.md): what a launch takes in its own commit so the page never asks
 * friends to help toward a unit or a subsidy that is gone — one unit of the campaign's total stock and up to
 * `subsidyFen` of its budget, both under `holder`, the holder the later purchase takes under. The store takes nothing
 * more for a holder that reserves already, so the purchase consumes the reserved unit instead of taking a second one. The
 * launch is refused `sold-out` or `budget-exhausted` when there is no room. The day's stock (`daily.stock`) is not
 * reserved: it counts sales on the day they happen, and is taken at the purchase as before.
 * @example offerReservations(campaign, 'inst-1', 1_000) // [{ counter: 'c:stock', qty: 1, … }, { counter: 'c:budget', qty: 1000, … }]
 */
export const offerReservations = (campaign: Campaign, holder: string, subsidyFen: number): Reservation[] => [
  ...totalStockUnits(campaign, holder, 1),
  ...budgetSpend(campaign, holder, subsidyFen),
];

/**
 * What an instance that ends without a purchase gives back: its reserved unit and subsidy (a give of a holder that reserves
 * nothing changes nothing, so this is safe for instances launched before binding offers existed and for campaigns without
 * stock or budget).
 * @example offerReleases('c', 'inst-1') // [{ counter: 'c:stock', holder: 'inst-1' }, { counter: 'c:budget', holder: 'inst-1' }]
 */
export const offerReleases = (campaignId: string, holder: string): Release[] => [
  { counter: stockCounter(campaignId), holder },
  { counter: budgetCounter(campaignId), holder },
];

/**
 * At a purchase: the reserved subsidy goes back, and the purchase takes what it really spends under the same holder in
 * the same commit (the engine applies the gives of an event before its takes), so a purchase above the floor
 * returns the difference at once.
 * @example subsidyRelease('c', 'inst-1') // [{ counter: 'c:budget', holder: 'inst-1' }]
 */
export const subsidyRelease = (campaignId: string, holder: string): Release[] => [
  { counter: budgetCounter(campaignId), holder },
];
