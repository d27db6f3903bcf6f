import { z } from 'zod';
import { parseOrThrow } from '../errors/from-zod.js';
import type { Actor, AnyMechanic } from '../mechanics/mechanic.js';
import type { Command } from './types.js';

const actorSchema = z.strictObject({
  id: z
    .string({ error: 'must be the authenticated user id (a string)' })
    .min(1, { error: 'must not be empty' })
    .max(128, { error: 'must be at most 128 characters' })
    .refine((id) => !id.startsWith('@'), { error: 'must not start with "@" (reserved for the engine)' }),
  newUser: z.boolean().optional(),
  deviceId: z.string().min(1).max(128).optional(),
  ip: z.string().min(1).max(64).optional(),
  operator: z.boolean().optional(),
});

const eventIdSchema = z.strictObject({
  eventId: z.string({ error: 'must be a string' }).regex(/^[A-Za-z0-9_.:-]{1,128}$/, {
    error: 'must be 1–128 characters of A–Z, a–z, 0–9, "_", ".", ":" or "-"',
  }),
});

const instanceIdSchema = z.strictObject({
  instanceId: z.string({ error: 'must be a string' }).regex(/^[A-Za-z0-9_.:-]{1,128}$/, {
    error: 'must be 1–128 characters of A–Z, a–z, 0–9, "_", ".", ":" or "-"',
  }),
});

/** Validates an instance id chosen by the caller (ids the engine makes always pass). */
export function parseInstanceId(instanceId: string): string {
  return parseOrThrow(instanceIdSchema, { instanceId }, 'invalid-argument', 'Start').instanceId;
}

const ACTOR_KEYS = new Set(['id', 'newUser', 'deviceId', 'ip', 'operator']);

const okString = (v: unknown, max: number) =>
  v === undefined || (typeof v === 'string' && v.length >= 1 && v.length <= max);

/** The common case, checked without allocating: a plain object whose fields all have the right types. */
function plainValidActor(input: unknown): input is Actor {
  if (typeof input !== 'object' || input === null || Object.getPrototypeOf(input) !== Object.prototype)
    return false;
  const a = input as Record<string, unknown>;
  for (const key in a) if (!ACTOR_KEYS.has(key)) return false;
  return (
    typeof a.id === 'string' &&
    a.id.length >= 1 &&
    a.id.length <= 128 &&
    !a.id.startsWith('@') &&
    okString(a.deviceId, 128) &&
    okString(a.ip, 64) &&
    (a.newUser === undefined || typeof a.newUser === 'boolean') &&
    (a.operator === undefined || typeof a.operator === 'boolean')
  );
}

/** Validates the authenticated actor (an integrator bug if it fails, so it throws). */
export function parseActor(input: unknown): Actor {
  if (plainValidActor(input)) return input;
  return parseOrThrow(actorSchema, input, 'invalid-argument', 'Actor') as Actor;
}

/** Validates a client command against the instance's mechanic; splits off the idempotency key. */
export function parseCommand(
  mechanic: AnyMechanic,
  command: Command,
): { eventId: string | undefined; payload: { type: string } } {
  if (command === null || typeof command !== 'object') {
    return {
      eventId: undefined,
      payload: parseOrThrow(mechanic.commandSchema, command, 'invalid-event', 'Event'),
    };
  }
  const { eventId, ...rest } = command;
  const id =
    eventId === undefined
      ? undefined
      : parseOrThrow(eventIdSchema, { eventId }, 'invalid-event', 'Event').eventId;
  return { eventId: id, payload: parseOrThrow(mechanic.commandSchema, rest, 'invalid-event', 'Event') };
}
