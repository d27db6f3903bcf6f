import type { MechanicKind } from '../campaign/campaign-schema.js';

/** Inclusive calendar days (`2026-12-01`, in the campaign's time zone); omitted ends are open. */
export interface DayRange {
  readonly from?: string;
  readonly to?: string;
}

/** One step of a funnel, counted. `count` is null for a page-event step over a range without page events. */
export interface FunnelStep {
  readonly id: string;
  readonly unit: 'people' | 'instances' | 'events';
  readonly count: number | null;
  /** `count` over the previous measured step's (null: no previous measured step, or it was 0). */
  readonly fromPrevious: number | null;
}

/** Money, in 分 and counts. `costFen` = subsidies + the `valueFen` of rewards granted (less those clawed back). */
export interface MoneyFigures {
  readonly revenueFen: number;
  readonly orders: number;
  readonly subsidyFen: number;
  readonly rewardCostFen: number;
  readonly costFen: number;
  readonly rewardsGranted: number;
  readonly rewardsRedeemed: number;
  readonly rewardsClawedBack: number;
  readonly refundFen: number;
  readonly refunds: number;
  /** Cost per new user, in 分 (rounded); null without new users. */
  readonly cacFen: number | null;
  /** (revenue − cost) ÷ cost; null without cost. */
  readonly roi: number | null;
}

/** The headline figures of a day, a channel or a whole campaign. */
export interface Figures {
  /** People who launched an instance for the first time (once per campaign, on their first day). */
  readonly participants: number;
  readonly launches: number;
  /** People who acted on someone else's instance for the first time. */
  readonly friends: number;
  readonly friendActions: number;
  /** People the integrator marked new (`actor.newUser`), counted once, on their first event. */
  readonly newUsers: number;
  /** People who paid for the first time (a bargain bought, a member of a group buy that succeeded, …). */
  readonly payingCustomers: number;
  readonly money: MoneyFigures;
  /** From the page events of the beacon route (0 until the pages send them). */
  readonly page: PageFigures;
}

/**
 * What the pages reported (`POST <basePath>/beacon`). A visitor is an authenticated actor or an anonymous visitor id
 * (`anon:<id>`); people are counted on the day and channel where first seen, except `dailyVisitors`.
 */
export interface PageFigures {
  /** People with a page event, once per campaign. */
  readonly visitors: number;
  /** UV: people with a page event, once per calendar day (over several days: the sum of each day's). */
  readonly dailyVisitors: number;
  readonly pageViews: number;
  readonly sectionsSeen: number;
  readonly shareTaps: number;
  readonly posterOpens: number;
  /** People who tapped share or opened the poster, once per campaign. */
  readonly sharers: number;
  /** Invite links opened (by anyone holding one). */
  readonly inviteOpens: number;
  /** People other than the inviter who opened an invite link, once per campaign. */
  readonly friendsOpened: number;
}

/** One calendar day, with the change from the day before. */
export interface DayFigures extends Figures {
  readonly day: string;
  /** Relative change from the previous day in the range (0.25 = +25 %); null on the first day or from 0. */
  readonly dayOverDay: {
    readonly participants: number | null;
    readonly friends: number | null;
    readonly revenueFen: number | null;
  };
}

/**
 * One channel (`null`: not known, e.g. a launch from the campaign page itself), from the event records. Money and
 * paying customers are not split by channel: they come from effects, which carry no channel.
 */
export interface ChannelFigures extends Omit<Figures, 'money' | 'payingCustomers'> {
  readonly channel: string | null;
}

/**
 * One generation of the invite tree: generation 0 are the seeds (participants nobody brought), generation g + 1
 * were brought by friends' links of generation g. `k` = participants of the next generation ÷ participants of this
 * one = `friendsPerParticipant` × `conversion`.
 */
export interface GenerationFigures {
  readonly generation: number;
  readonly participants: number;
  /** Friends whose first action was on an instance of a participant of this generation. */
  readonly friendsBrought: number;
  /** `friendsBrought` ÷ `participants` (null without participants). */
  readonly friendsPerParticipant: number | null;
  /** Participants of the next generation ÷ `friendsBrought` (null without friends). */
  readonly conversion: number | null;
  /** Participants of the next generation ÷ `participants` (null without participants). */
  readonly k: number | null;
}

/** Launch → first friend action, over the instances that had one. */
export interface ViralCycle {
  readonly instances: number;
  readonly medianMs: number | null;
  /** 90th percentile (nearest rank). */
  readonly p90Ms: number | null;
}

/** KOL: brought at least `kolMin` friends; core: at least `coreMin`; otherwise regular. */
export type SpreaderTier = 'kol' | 'core' | 'regular';

export interface Spreader {
  readonly actorId: string;
  /** Friends whose first action was on this participant's instances. */
  readonly brought: number;
  /** Of those, how many launched an instance of their own. */
  readonly launched: number;
  /** This participant's generation (0 = a seed). */
  readonly generation: number;
  readonly tier: SpreaderTier;
}

/** An edge of the invite tree: `from` brought `to`, who is of generation `generation`. */
export interface InviteEdge {
  readonly from: string;
  readonly to: string;
  readonly generation: number;
}

/** Everything `campaignReport` returns. */
export interface CampaignReport {
  readonly campaignId: string;
  readonly kind: MechanicKind;
  readonly range: { readonly from: string | null; readonly to: string | null };
  readonly totals: Figures;
  readonly funnel: { readonly generic: readonly FunnelStep[]; readonly mechanic: readonly FunnelStep[] };
  readonly days: readonly DayFigures[];
  readonly channels: readonly ChannelFigures[];
  /** Campaign-wide (not limited to the range): the tree has no days. */
  readonly generations: readonly GenerationFigures[];
  readonly cycle: ViralCycle;
  readonly spreaders: readonly Spreader[];
}

/** Options of {@link topSpreaders} and `campaignReport`. */
export interface SpreaderOptions {
  /** How many (default 10). */
  readonly limit?: number;
  /** Default 20. */
  readonly kolMin?: number;
  /** Default 5. */
  readonly coreMin?: number;
}
