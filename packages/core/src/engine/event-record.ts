import { LiebianError } from '../errors/liebian-error.js';
import type { AppliedEvent } from '../mechanics/mechanic.js';
import { dedupeKeyOf } from './apply-events.js';
import type { Effect } from './types.js';

/** The outbox type of an event record (see `EngineOptions.recordEvents`). */
export const EVENT_RECORD = 'event.applied';

/** A channel name: what the link was shared to (`moments`, `group`, `chat`, `poster`, …). */
const CHANNEL = /^[a-z0-9-]{1,32}$/;

/**
 * What an event record carries besides the effect envelope (`actorId`, `at`, `eventId`, `instanceId`, …): the
 * event's type, whether a friend sent it, the instance's initiator, whether the integrator marked the actor new,
 * and the channel the actor arrived through (null: not known).
 */
export interface EventRecordPayload {
  readonly event: string;
  readonly friend: boolean;
  readonly initiatorId: string;
  readonly newUser: boolean;
  readonly channel: string | null;
}

/**
 * Checks a channel given to `engine.start` / `engine.send` (null when absent).
 *
 * @example
 * parseChannel('moments'); // 'moments'
 */
export function parseChannel(channel: unknown): string | null {
  if (channel === undefined || channel === null) return null;
  if (typeof channel === 'string' && CHANNEL.test(channel)) return channel;
  throw new LiebianError(
    'invalid-argument',
    `channel = ${JSON.stringify(channel)}: must be 1–32 characters of a–z, 0–9 or "-" (e.g. "moments", "group", "chat", "poster")`,
    { issues: [{ path: 'channel', value: channel, message: 'must be 1–32 characters of a–z, 0–9 or "-"' }] },
  );
}

/** The record of one applied event, with a dedupe key of its own beside the event's effects. */
export function eventRecord(
  where: { readonly instanceId: string; readonly campaignId: string; readonly kind: string },
  event: AppliedEvent,
  facts: { readonly friend: boolean; readonly initiatorId: string; readonly channel: string | null },
): Effect {
  const payload: EventRecordPayload = {
    event: event.type,
    friend: facts.friend,
    initiatorId: facts.initiatorId,
    newUser: event.actor.newUser === true,
    channel: facts.channel,
  };
  return {
    type: EVENT_RECORD,
    dedupeKey: dedupeKeyOf(where.instanceId, event.eventId, EVENT_RECORD, 0),
    instanceId: where.instanceId,
    campaignId: where.campaignId,
    kind: where.kind,
    eventId: event.eventId,
    actorId: event.actor.id,
    at: event.at,
    payload: { ...payload },
  };
}
