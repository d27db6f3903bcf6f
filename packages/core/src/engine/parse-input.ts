import { z } from 'zod';
import type { ErrorCode } from '../errors/error-codes.js';
import { parseOrThrow } from '../errors/from-zod.js';
import { LiebianError } from '../errors/liebian-error.js';
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

/** Prefixes of the event ids the engine makes itself (launches, deadlines, notices): never a client's. */
const ENGINE_EVENT_ID = /^(start|deadline|notice):/;

const eventIdSchema = z.strictObject({
  eventId: z
    .string({ error: 'must be a string' })
    .regex(/^[A-Za-z0-9_.:-]{1,128}$/, {
      error: 'must be 1–128 characters of A–Z, a–z, 0–9, "_", ".", ":" or "-"',
    })
    .refine((id) => !ENGINE_EVENT_ID.test(id), {
      error: 'must not start with "start:", "deadline:" or "notice:" (the engine names its own events so)',
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
  const actor = plainValidActor(input)
    ? input
    : (parseOrThrow(actorSchema, input, 'invalid-argument', 'Actor') as Actor);
  assertStorable(actor, 'invalid-argument', 'Actor');
  return actor;
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
  const payload = parseOrThrow(mechanic.commandSchema, rest, 'invalid-event', 'Event');
  assertStorable(payload, 'invalid-event', 'Event');
  return { eventId: id, payload };
}

/** A NUL character or a lone UTF-16 surrogate: text that PostgreSQL (22021, 22P05) and Redis' cjson cannot store. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unstorable = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

/** The first string (or object key) in `value` that no store can hold, with its path; null if there is none. */
function unstorableIn(value: unknown, path: string, depth: number): { path: string; text: string } | null {
  if (typeof value === 'string') return unstorable(value) ? { path, text: value } : null;
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  const entries = Array.isArray(value)
    ? value.map((v, i) => [`${path}[${i}]`, v] as const)
    : Object.entries(value).map(([k, v]) => [path === '' ? k : `${path}.${k}`, v] as const);
  for (const [at, v] of entries) {
    if (unstorable(at)) return { path: at, text: at };
    const found = unstorableIn(v, at, depth + 1);
    if (found) return found;
  }
  return null;
}

const UNSTORABLE_FIX =
  'contains a NUL character or a lone UTF-16 surrogate, which no store can keep; remove it or replace it with U+FFFD';

/**
 * Refuses input holding text that no store can keep (a NUL character, a lone surrogate), identically on every store
 * — the memory store included — so such an event is refused at validation and never fails its batch's commit.
 */
export function assertStorable(value: unknown, code: ErrorCode, subject: string): void {
  const found = unstorableIn(value, '', 0);
  if (!found) return;
  throw new LiebianError(
    code,
    `${subject} is invalid:\n  - ${found.path || '(root)'} = ${JSON.stringify(found.text)}: ${UNSTORABLE_FIX}`,
    { issues: [{ path: found.path, value: found.text, message: UNSTORABLE_FIX }] },
  );
}

/** The engine's sizing options that must be whole numbers of at least 1 when given. */
const SIZES = [
  'maxBatch',
  'maxQueue',
  'maxAttempts',
  'commitLanes',
  'commitGroupSize',
  'cacheSize',
  'cacheBytes',
  'storeTimeoutMs',
] as const;

/** Refuses a sizing option that is not a whole number ≥ 1 (0 lanes would never commit; NaN never compares). */
export function assertSizes(options: Partial<Record<(typeof SIZES)[number], unknown>>): void {
  for (const name of SIZES) {
    const value = options[name];
    if (value === undefined || (Number.isSafeInteger(value) && (value as number) >= 1)) continue;
    throw new LiebianError(
      'invalid-argument',
      `createEngine option ${name} = ${String(value)}: must be a whole number of at least 1 (or left out for the default)`,
    );
  }
}
