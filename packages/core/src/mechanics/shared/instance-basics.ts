import { dayStockCounter } from '../../campaign/daily-window.js';
import type { Actor, Campaign, Reservation } from '../mechanic.js';

const MINUTE = 60_000;

/** Every mechanic's context names who launched the instance. */
export interface LaunchedBy {
  readonly initiator: string;
  readonly initiatorDevice: string | null;
}

/** The fields every mechanic's context starts with. */
export interface InstanceBasics<TRules> extends LaunchedBy {
  readonly instanceId: string;
  readonly campaignId: string;
  /** The campaign's rules when this instance started; later edits do not apply to it. */
  readonly rules: TRules;
  readonly startedAt: number;
  /** Friends' actions are accepted until this instant (time limit, capped by the campaign end). */
  readonly expiresAt: number;
}

/** The initiator fields of a new context. */
export const launchedBy = (initiator: Actor): LaunchedBy => ({
  initiator: initiator.id,
  initiatorDevice: initiator.deviceId ?? null,
});

/** For `Mechanic.initiatorOf`. */
export const initiatorOf = (context: LaunchedBy) => ({
  id: context.initiator,
  deviceId: context.initiatorDevice,
});

/** An instance's time limit from `now`, never past the campaign's end. */
export const expiryOf = (campaign: Campaign, now: number, minutes: number): number =>
  Math.min(now + minutes * MINUTE, campaign.schedule.endsAt);

/** One unit of the initiator's launch allowance in this campaign. */
export const launchLimit = (
  campaign: Campaign,
  initiator: Actor,
  instanceId: string,
  limit: number,
): Reservation => ({
  counter: `${campaign.id}:launches:${initiator.id}`,
  holder: instanceId,
  qty: 1,
  capacity: limit,
  reason: 'launch-limit',
});

/** One unit of a friend's allowance of instances to help in this campaign. */
export const helperQuota = (
  campaign: Campaign,
  friendId: string,
  instanceId: string,
  quota: number,
): Reservation => ({
  counter: `${campaign.id}:helper-quota:${friendId}`,
  holder: instanceId,
  qty: 1,
  capacity: quota,
  reason: 'quota-exhausted',
});

/**
 * Units of the campaign's stock, when it has one, and of the day's stock (每日限量, `daily.stock`) on the local day of
 * `at`. The day's units are never given back: a release (a refund, a failed group) returns a unit to the total, and
 * the day it was taken stays counted (disclosed), so a day never issues more than its stock.
 */
export const stockUnits = (campaign: Campaign, holder: string, qty: number, at: number): Reservation[] => {
  const out: Reservation[] = [];
  // The day's counter first: both are taken in the event's commit, and a refusal names the first that had no room,
  // so a friend is told "sold out today" rather than "sold out" (for good) while only today's stock is gone.
  const perDay = campaign.daily?.stock;
  if (perDay !== undefined)
    out.push({
      counter: dayStockCounter(campaign, at),
      holder,
      qty,
      capacity: perDay,
      reason: 'sold-out-today',
    });
  out.push(...totalStockUnits(campaign, holder, qty));
  return out;
};

/** The counter of a campaign's total stock (`stock.total`). */
export const stockCounter = (campaignId: string): string => `${campaignId}:stock`;

/** The counter of a campaign's subsidy budget (`budget.totalFen`). */
export const budgetCounter = (campaignId: string): string => `${campaignId}:budget`;

/** `qty` units of the campaign's total stock alone, when it has one (not the day's: see {@link stockUnits}). */
export const totalStockUnits = (campaign: Campaign, holder: string, qty: number): Reservation[] =>
  campaign.stock === undefined
    ? []
    : [
        {
          counter: stockCounter(campaign.id),
          holder,
          qty,
          capacity: campaign.stock.total,
          reason: 'sold-out',
        },
      ];

/** 分 from the campaign's budget, when it has one and the amount is positive. */
export const budgetSpend = (campaign: Campaign, holder: string, fen: number): Reservation[] =>
  campaign.budget === undefined || fen <= 0
    ? []
    : [
        {
          counter: budgetCounter(campaign.id),
          holder,
          qty: fen,
          capacity: campaign.budget.totalFen,
          reason: 'budget-exhausted',
        },
      ];

/** The claim of a friend who helped an instance: taken once per instance (one help per friend). */
export const HELPER_CLAIM = (actorId: string): string => `helper:${actorId}`;

/** The claim of a member of an instance (a group seat, a pool share, a share's claim): taken once per instance. */
export const MEMBER_CLAIM = (actorId: string): string => `member:${actorId}`;
