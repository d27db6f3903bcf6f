import type { ErrorCode } from './error-codes.js';

/**
 * One failing input: where it is, what it was, what is wrong and how to fix it.
 *
 * @example
 * // { path: 'rules.floorPrice', value: 25000, message: 'must be below originalPrice (19900)' }
 * for (const issue of error.issues) console.log(`${issue.path} = ${JSON.stringify(issue.value)}: ${issue.message}`);
 */
export interface FieldIssue {
  /** Dotted path from the root of the input, e.g. `rules.cut.min`; empty for the root. */
  readonly path: string;
  /** The value found at that path (`undefined` when it is missing). */
  readonly value?: unknown;
  /** What is wrong with it and what to do instead. */
  readonly message: string;
}

export interface LiebianErrorOptions {
  readonly issues?: readonly FieldIssue[];
  readonly cause?: unknown;
}

/**
 * The one error class of Liebian. `code` is stable (see `docs/errors.md`); `issues` lists every failing
 * field for validation errors. Business outcomes (already helped, sold out, expired) are never errors:
 * they come back as `rejected` results with a reason.
 *
 * @example
 * try { defineCampaign(json) } catch (e) { if (isLiebianError(e, 'invalid-campaign')) console.log(e.issues) }
 */
export class LiebianError extends Error {
  override readonly name = 'LiebianError';
  readonly code: ErrorCode;
  readonly issues: readonly FieldIssue[];

  constructor(code: ErrorCode, message: string, options: LiebianErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = options.issues ?? [];
  }

  /** A plain object for logs and HTTP problem bodies. */
  toJSON(): { code: ErrorCode; message: string; issues: readonly FieldIssue[] } {
    return { code: this.code, message: this.message, issues: this.issues };
  }
}

/**
 * True when `value` is a {@link LiebianError}, optionally with the given code. Works across bundle copies.
 *
 * @example
 * try { defineCampaign(json); } catch (error) { if (isLiebianError(error, 'invalid-campaign')) report(error.issues); }
 */
export function isLiebianError(value: unknown, code?: ErrorCode): value is LiebianError {
  if (!(value instanceof Error) || value.name !== 'LiebianError') return false;
  return code === undefined || (value as LiebianError).code === code;
}
