import type { AnyCampaign } from '../campaign/define-campaign.js';
import { calendarDay } from '../primitives/time.js';
import type { Store } from '../store/store.js';
import { analyticsBoards, cellMember } from './boards.js';

/** What the H5 islands report to the handler's beacon route (`POST <basePath>/beacon`). */
export const PAGE_EVENT_TYPES = [
  'page-view',
  'section-seen',
  'share-tap',
  'poster-open',
  'invite-open',
] as const;

/** One of {@link PAGE_EVENT_TYPES}. */
export type PageEventType = (typeof PAGE_EVENT_TYPES)[number];

/**
 * A first-party page event, checked by the beacon route: who saw what, when, through which channel. `visitorId` is
 * the authenticated actor's id or `anon:<id>` (an anonymous visitor id the page keeps; no cookie).
 *
 * @example
 * const event: PageEvent = {
 *   type: 'page-view', id: 'v1', campaignId: 'tea-set-bargain', instanceId: null, channel: 'moments',
 *   section: null, visitorId: 'anon:3f9c0a7e1b', friend: false, at: Date.now(),
 * };
 */
export interface PageEvent {
  readonly type: PageEventType;
  /** The page's own id for the event: a resent batch counts each event once (per visitor). */
  readonly id: string;
  readonly campaignId: string;
  readonly instanceId: string | null;
  /** The channel of the signed invite link the visitor came through (null: not known). */
  readonly channel: string | null;
  /** For `section-seen`: which section (`[a-z0-9-]{1,32}`). */
  readonly section: string | null;
  readonly visitorId: string;
  /** For `invite-open`: the visitor is not the link's inviter, so they count as a friend who opened it. */
  readonly friend: boolean;
  /** The server's time when the event arrived. */
  readonly at: number;
}

/**
 * Folds one page event into its campaign's analytics cells, on its calendar day (the campaign's time zone) and
 * channel, with the same idempotent board increments as the outbox fold: the event itself is counted once per
 * visitor and event id (`page:<type>`, `section:<name>`), the visitor once per day (`daily-visitors`, the UV) and
 * once per campaign (`visitors`; `sharers` for a share tap or poster, `friends-opened` for a friend's invite open),
 * on the day and channel where first seen.
 *
 * @example
 * await foldPageEvent(store, campaign, event); // the beacon route does this for every event it accepts
 */
export async function foldPageEvent(store: Store, campaign: AnyCampaign, event: PageEvent): Promise<void> {
  const board = analyticsBoards(campaign.id).cells;
  const day = calendarDay(event.at, campaign.timezone);
  const visitor = event.visitorId;
  const add = (metric: string, key: string) =>
    store.incrementScore({
      board,
      member: cellMember(metric, day, event.channel),
      delta: 1,
      at: event.at,
      key,
    });
  const once = (metric: string) => add(metric, `${metric}|${visitor}`);
  const own = (metric: string) => add(metric, `page|${visitor}|${event.id}|${metric}`);
  const writes = [
    own(`page:${event.type}`),
    add('daily-visitors', `daily-visitors|${visitor}|${day}`),
    once('visitors'),
  ];
  if (event.type === 'section-seen' && event.section) writes.push(own(`section:${event.section}`));
  if (event.type === 'share-tap' || event.type === 'poster-open') writes.push(once('sharers'));
  if (event.type === 'invite-open' && event.friend) writes.push(once('friends-opened'));
  await Promise.all(writes);
}
