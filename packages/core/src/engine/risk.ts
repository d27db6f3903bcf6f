import { dailyWindow } from '../campaign/daily-window.js';
import type { AnyCampaign } from '../campaign/define-campaign.js';
import type { AppliedEvent, RejectionReason } from '../mechanics/mechanic.js';
import { calendarDay } from '../primitives/time.js';
import type { Store } from '../store/store.js';

/**
 * A risk check's answer. `review` lets the event apply and writes a `risk.review` effect; `hold` keeps a friend's
 * event out until an operator decides (the review queue, `engine.decideReview`); a launch is never held.
 *
 * @example
 * const verdict: RiskVerdict = { outcome: 'block', reason: 'self-help', detail: 'same device as the initiator' };
 */
export type RiskVerdict =
  | { readonly outcome: 'allow' }
  | { readonly outcome: 'review'; readonly detail: string }
  | { readonly outcome: 'hold'; readonly detail: string }
  | { readonly outcome: 'block'; readonly reason: RejectionReason; readonly detail: string };

/**
 * What a {@link RiskCheck} sees: the campaign, the instance and its initiator, the event, whether it is a
 * friend's action, and the store (for counters such as a daily cap).
 *
 * @example
 * const check: RiskCheck = {
 *   name: 'no-night-help',
 *   check: (context: RiskContext) =>
 *     context.friendAction && new Date(context.event.at).getUTCHours() < 6
 *       ? { outcome: 'hold', detail: 'help at night' }
 *       : { outcome: 'allow' },
 * };
 */
export interface RiskContext {
  readonly campaign: AnyCampaign;
  readonly instance: {
    readonly id: string;
    readonly initiator: { readonly id: string; readonly deviceId: string | null };
  };
  readonly event: AppliedEvent;
  /** The event is a friend's action on someone else's instance (help, join, claim). */
  readonly friendAction: boolean;
  readonly store: Store;
}

/**
 * A named, pluggable check. Checks run in order; the first `block` wins; every `review` is kept.
 *
 * @example
 * const vipOnly: RiskCheck = {
 *   name: 'vip-only',
 *   check: ({ event }) =>
 *     event.actor.id.startsWith('vip-') ? { outcome: 'allow' } : { outcome: 'review', detail: 'not a VIP' },
 * };
 * createEngine({ campaigns, risk: [vipOnly] });
 */
export interface RiskCheck {
  readonly name: string;
  check(context: RiskContext): RiskVerdict | Promise<RiskVerdict>;
}

export const ALLOW_RISK: RiskVerdict = { outcome: 'allow' };

/**
 * Blocks a friend action by the initiator, or (with `blockSameDevice`) from the initiator's device.
 *
 * @example
 * const verdict = await selfHelpCheck.check(context);
 * if (verdict.outcome === 'block') console.log(verdict.reason); // 'self-help'
 */
export const selfHelpCheck: RiskCheck = {
  name: 'self-help',
  check({ campaign, instance, event, friendAction }) {
    if (!friendAction) return ALLOW_RISK;
    if (event.actor.id === instance.initiator.id)
      return { outcome: 'block', reason: 'self-help', detail: 'actor is the initiator' };
    const device = event.actor.deviceId;
    if (
      campaign.antiAbuse.blockSameDevice &&
      device !== undefined &&
      device === instance.initiator.deviceId
    ) {
      return { outcome: 'block', reason: 'self-help', detail: `device ${device} launched this instance` };
    }
    return ALLOW_RISK;
  },
};

/**
 * Blocks friend actions by users the integrator did not mark as new, when the campaign is new-users-only.
 *
 * @example
 * // On when the campaign says so; the integrator marks who is new on the actor:
 * await engine.send(id, { type: 'bargain.help' }, { actor: { id: 'bob', newUser: true } });
 * const verdict = await newUsersOnlyCheck.check(context);
 */
export const newUsersOnlyCheck: RiskCheck = {
  name: 'new-users-only',
  check({ campaign, event, friendAction }) {
    if (!friendAction || !campaign.antiAbuse.newUsersOnly || event.actor.newUser === true) return ALLOW_RISK;
    return { outcome: 'block', reason: 'new-users-only', detail: 'actor is not a new user' };
  },
};

/**
 * Refuses launches and friend actions outside the campaign's daily opening hours (`daily.hours`, in its time zone)
 * with `closed-now`; paying, deadlines and back-office events go on at any hour.
 *
 * @example
 * // With `daily: { hours: { opens: '10:00', closes: '22:00' } }` a help at 23:00 is refused 'closed-now':
 * const verdict = await openingHoursCheck.check(context);
 */
export const openingHoursCheck: RiskCheck = {
  name: 'opening-hours',
  check({ campaign, event, friendAction }) {
    const hours = campaign.daily?.hours;
    if (hours === undefined || (!friendAction && event.type !== `${campaign.kind}.start`)) return ALLOW_RISK;
    if (dailyWindow(campaign, event.at).open) return ALLOW_RISK;
    return {
      outcome: 'block',
      reason: 'closed-now',
      detail: `open ${hours.opens}–${hours.closes} daily (${campaign.timezone})`,
    };
  },
};

/**
 * Caps friend actions per actor per calendar day (campaign time zone) across all instances, with a store
 * counter keyed by day. Each event id counts once, so retries never use up the cap.
 *
 * @example
 * // Configured by the campaign, not called directly:
 * defineCampaign({ ...json, antiAbuse: { ...json.antiAbuse, maxActionsPerActorPerDay: 5 } });
 * const verdict = await dailyCapCheck.check(context); // in a test of your own check chain
 */
export const dailyCapCheck: RiskCheck = {
  name: 'daily-cap',
  async check({ campaign, event, friendAction, store }) {
    const max = campaign.antiAbuse.maxActionsPerActorPerDay;
    if (!friendAction || max === undefined) return ALLOW_RISK;
    const day = calendarDay(event.at, campaign.timezone);
    const result = await store.reserve({
      counter: `${campaign.id}:daily:${event.actor.id}:${day}`,
      holder: event.eventId,
      qty: 1,
      capacity: max,
    });
    return result.ok
      ? ALLOW_RISK
      : { outcome: 'block', reason: 'quota-exhausted', detail: `${max} actions on ${day} already` };
  },
};

/**
 * The checks every engine runs, configured by each campaign's `antiAbuse`.
 *
 * @example
 * // Run your own check after the built-ins (they run in every engine anyway):
 * console.log(BUILT_IN_RISK_CHECKS.map((check) => check.name)); // e.g. ['self-help', 'new-users-only', …]
 * createEngine({ campaigns, risk: [myCheck] });
 */
export const BUILT_IN_RISK_CHECKS: readonly RiskCheck[] = [
  selfHelpCheck,
  newUsersOnlyCheck,
  openingHoursCheck,
  dailyCapCheck,
];

/** Runs checks in order: stops at the first block, collects every review and every hold. */
export async function runRiskChecks(
  checks: readonly RiskCheck[],
  context: RiskContext,
): Promise<{
  block: Extract<RiskVerdict, { outcome: 'block' }> | null;
  review: string[];
  hold: string[];
}> {
  const review: string[] = [];
  const hold: string[] = [];
  for (const check of checks) {
    const pending = check.check(context);
    const verdict = pending instanceof Promise ? await pending : pending;
    if (verdict.outcome === 'block') return { block: verdict, review, hold };
    if (verdict.outcome === 'review') review.push(`${check.name}: ${verdict.detail}`);
    if (verdict.outcome === 'hold') hold.push(`${check.name}: ${verdict.detail}`);
  }
  return { block: null, review, hold };
}
