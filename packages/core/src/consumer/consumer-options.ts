import { LiebianError } from '../errors/liebian-error.js';
import type { ConsumerOptions } from './types.js';

/** The numeric settings of a consumer after defaults and checks. */
export interface ConsumerSettings {
  readonly leaseMs: number;
  readonly pageSize: number;
  readonly maxAttempts: number;
  readonly initialMs: number;
  readonly maxMs: number;
  readonly idleMs: number;
}

const NAME = /^[A-Za-z0-9._:-]{1,100}$/;

/** Applies defaults and refuses a bad setting with its field, value and fix (`invalid-argument`). */
export function consumerSettings(options: ConsumerOptions): ConsumerSettings {
  if (typeof options.name !== 'string' || !NAME.test(options.name)) {
    throw new LiebianError(
      'invalid-argument',
      `createConsumer: name = ${JSON.stringify(options.name)}: use 1–100 characters of A–Z, a–z, 0–9, ".", "_", ":" or "-"`,
      { issues: [{ path: 'name', value: options.name, message: 'use 1–100 characters of [A-Za-z0-9._:-]' }] },
    );
  }
  const whole = (path: string, value: number | undefined, fallback: number, min: number, max: number) => {
    const n = value ?? fallback;
    if (!Number.isInteger(n) || n < min || n > max) {
      const message = `must be a whole number from ${min} to ${max}`;
      throw new LiebianError('invalid-argument', `createConsumer: ${path} = ${String(n)}: ${message}`, {
        issues: [{ path, value: n, message }],
      });
    }
    return n;
  };
  const DAY = 86_400_000;
  const settings = {
    leaseMs: whole('leaseMs', options.leaseMs, 30_000, 2, DAY),
    pageSize: whole('pageSize', options.pageSize, 100, 1, 10_000),
    maxAttempts: whole('maxAttempts', options.maxAttempts, 5, 1, 1_000),
    initialMs: whole('backoff.initialMs', options.backoff?.initialMs, 1_000, 0, DAY),
    maxMs: whole('backoff.maxMs', options.backoff?.maxMs, 60_000, 0, DAY),
    idleMs: whole('idleMs', options.idleMs, 1_000, 1, DAY),
  };
  if (settings.maxMs < settings.initialMs) {
    const message = `must not be below backoff.initialMs (${settings.initialMs}); raise it or lower initialMs`;
    throw new LiebianError(
      'invalid-argument',
      `createConsumer: backoff.maxMs = ${settings.maxMs}: ${message}`,
      {
        issues: [{ path: 'backoff.maxMs', value: settings.maxMs, message }],
      },
    );
  }
  return settings;
}

/** The wait after the `failures`-th failure of one entry. */
export function backoffMs(settings: ConsumerSettings, failures: number): number {
  return Math.min(settings.maxMs, settings.initialMs * 2 ** Math.max(0, failures - 1));
}

/**
 * A handler's error as text every store can keep: `name [code]: message`, at most 2,000 characters, with NUL and
 * lone surrogates replaced (PostgreSQL text and Redis' cjson refuse them).
 */
export function errorText(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const text =
    error instanceof Error
      ? `${error.name}${typeof code === 'string' ? ` [${code}]` : ''}: ${error.message}`
      : `thrown: ${String(error)}`;
  return text
    .slice(0, 2_000)
    .replaceAll('\u0000', '\ufffd')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
