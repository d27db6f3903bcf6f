import { PAGE_EVENT_TYPES, type PageEvent, type PageEventType } from '../analytics/page-events.js';
import type { AnyCampaign } from '../campaign/define-campaign.js';
import { parseChannel } from '../engine/event-record.js';
import type { ErrorCode } from '../errors/error-codes.js';
import { type FieldIssue, isLiebianError } from '../errors/liebian-error.js';
import type { Actor } from '../mechanics/mechanic.js';
import type { Store } from '../store/store.js';
import { verifyInvite } from './invite-token.js';
import type { RateLimit } from './rate-limiter.js';

/**
 * The beacon route (`POST <basePath>/beacon`): first-party page events from the H5 islands, counted into the
 * campaign's analytics on `store` (the store the analytics consumer folds into).
 *
 * @example
 * createHandler(engine, { authenticate, invites: { secret }, beacon: { store, perVisitor: { max: 60, windowMs: 60_000 } } });
 */
export interface BeaconOptions {
  readonly store: Store;
  /** Events per visitor (actor or anonymous id); events over it are refused `rate-limited`. Default 120 a minute. */
  readonly perVisitor?: RateLimit;
  /** Events in one batch. Default 50. */
  readonly maxEvents?: number;
}

/**
 * Why one event of a batch was refused, by its index, id and type.
 *
 * @example
 * const refusal: BeaconRefusal = { index: 2, id: 'ev-3', type: 'page-view', code: 'rate-limited', detail: 'over 120 events a minute' };
 */
export interface BeaconRefusal {
  readonly index: number;
  readonly id: string | null;
  readonly type: string | null;
  readonly code: ErrorCode | 'invalid-invite' | 'rate-limited';
  readonly detail: string;
  readonly issues?: readonly FieldIssue[];
}

/**
 * What the beacon route answers: how many events it counted and which it refused.
 *
 * @example
 * const result = (await (await fetch('/api/beacon', { method: 'POST', body })).json()) as BeaconResult;
 * if (result.refused.length > 0) console.warn(result.refused);
 */
export interface BeaconResult {
  readonly accepted: number;
  readonly refused: readonly BeaconRefusal[];
}

/** What checking one event needs from the handler. */
export interface BeaconContext {
  readonly actor: Actor | null;
  readonly campaign: (id: string) => AnyCampaign;
  readonly secret: string | null;
  readonly now: number;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const VISITOR = /^[A-Za-z0-9_-]{8,64}$/;
const SECTION = /^[a-z0-9-]{1,32}$/;

class Refused extends Error {
  constructor(
    readonly code: BeaconRefusal['code'],
    readonly detail: string,
    readonly issues?: FieldIssue[],
  ) {
    super(detail);
  }
}
const bad = (path: string, value: unknown, message: string): never => {
  throw new Refused('invalid-argument', `${path} = ${JSON.stringify(value) ?? 'undefined'}: ${message}`, [
    { path, value, message },
  ]);
};

const optionalString = (raw: Record<string, unknown>, field: string, max: number) => {
  const value = raw[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length < 1 || value.length > max)
    bad(field, value, `must be a string of 1–${max} characters`);
  return value as string;
};

/**
 * Checks one raw event of a batch against the caller and the signed invite it names, or throws why not. The
 * channel is the invite's (a `channel` given beside it must be the same); the visitor is the authenticated actor,
 * else `anon:<visitor>`.
 */
export async function checkPageEvent(
  raw: unknown,
  context: BeaconContext,
): Promise<{ event: PageEvent; campaign: AnyCampaign }> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    bad('event', raw, 'must be an object { type, id, campaignId, … }');
  const fields = raw as Record<string, unknown>;
  const type = fields.type as PageEventType;
  if (!PAGE_EVENT_TYPES.includes(type))
    bad('type', fields.type, `must be one of ${PAGE_EVENT_TYPES.join(', ')}`);
  const id = fields.id;
  if (typeof id !== 'string' || !ID.test(id))
    bad('id', id, 'must be 1–64 characters of A–Z, a–z, 0–9, "_", "-"');
  let campaignId = optionalString(fields, 'campaignId', 128);
  let instanceId = optionalString(fields, 'instanceId', 128);
  let channel: string | null;
  try {
    channel = parseChannel(fields.channel);
  } catch {
    return bad('channel', fields.channel, 'must be 1–32 characters of a–z, 0–9 or "-" (e.g. "moments")');
  }
  const visitor = fields.visitor;
  const visitorId = context.actor
    ? context.actor.id
    : typeof visitor === 'string' && VISITOR.test(visitor)
      ? `anon:${visitor}`
      : bad(
          'visitor',
          visitor,
          'sign in, or send an anonymous visitor id of 8–64 characters of A–Z, a–z, 0–9, "_", "-"',
        );
  const token = optionalString(fields, 'invite', 2048);
  let friend = false;
  if (token !== null) {
    if (context.secret === null) bad('invite', token, 'this handler signs no invites (no `invites.secret`)');
    const check = await verifyInvite(token, context.secret as string, context.now);
    if (!check.ok)
      throw new Refused(
        'invalid-invite',
        check.reason === 'expired' ? 'this invite link has expired' : 'this invite link is not valid',
      );
    const { claims } = check;
    if (campaignId !== null && campaignId !== claims.campaignId)
      bad('campaignId', campaignId, `must be the invite's campaign (or left out)`);
    if (channel !== null && channel !== (claims.channel ?? null))
      bad('channel', channel, `must be the invite's channel (or left out): the link carries it`);
    campaignId = claims.campaignId;
    instanceId = claims.instanceId;
    channel = claims.channel ?? null;
    friend = claims.inviterId !== visitorId;
  } else if (type === 'invite-open') bad('invite', token, 'an invite-open needs the invite token it opened');
  if (campaignId === null) bad('campaignId', campaignId, 'name the campaign the page is of');
  let section: string | null = null;
  if (type === 'section-seen') {
    if (typeof fields.section !== 'string' || !SECTION.test(fields.section))
      bad('section', fields.section, 'must be 1–32 characters of a–z, 0–9 or "-" (e.g. "rules")');
    section = fields.section as string;
  }
  let campaign: AnyCampaign;
  try {
    campaign = context.campaign(campaignId as string);
  } catch (error) {
    if (isLiebianError(error)) throw new Refused(error.code, error.message);
    throw error;
  }
  const event: PageEvent = {
    type,
    id: id as string,
    campaignId: campaign.id,
    instanceId,
    channel,
    section,
    visitorId,
    friend,
    at: context.now,
  };
  return { event, campaign };
}

/** A refusal from what checking an event threw (anything else is not the event's fault and is thrown on). */
export function refusalOf(index: number, raw: unknown, error: unknown): BeaconRefusal {
  if (!(error instanceof Refused)) throw error;
  const fields = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    index,
    id: typeof fields.id === 'string' ? fields.id : null,
    type: typeof fields.type === 'string' ? fields.type : null,
    code: error.code,
    detail: error.detail,
    ...(error.issues ? { issues: error.issues } : {}),
  };
}

/** A refusal for an event over its visitor's rate limit. */
export function rateRefusal(index: number, event: PageEvent): BeaconRefusal {
  return {
    index,
    id: event.id,
    type: event.type,
    code: 'rate-limited',
    detail: 'too many page events; retry later',
  };
}
