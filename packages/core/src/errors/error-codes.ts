/**
 * Stable error codes. A code never changes meaning once released; new codes may be added.
 * Every code is documented in `docs/errors.md`.
 *
 * @example
 * const known = (code: string): code is ErrorCode => (ERROR_CODES as readonly string[]).includes(code);
 */
export const ERROR_CODES = [
  'invalid-campaign',
  'invalid-event',
  'invalid-argument',
  'rules-frozen',
  'unknown-campaign',
  'unknown-instance',
  'unsupported-kind',
  'invalid-snapshot',
  'store-conflict',
  'overloaded',
  'engine-disposed',
  'store-unavailable',
  'store-timeout',
  'outcome-unknown',
  'consumer-lease-held',
  'records-unsupported',
  'unknown-review',
  'review-decided',
  'console-forbidden',
  'console-csrf',
  'not-simulated',
] as const;

/**
 * Codes of errors a caller may retry with the same event id: the store could not be reached or did not answer in
 * time, so the event may or may not have applied; a retry applies it once either way. HTTP answers them 503.
 */
export const RETRYABLE_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'store-unavailable',
  'store-timeout',
  'outcome-unknown',
  'overloaded',
  'store-conflict',
]);

/**
 * One of {@link ERROR_CODES}.
 *
 * @example
 * const code: ErrorCode = 'invalid-campaign';
 */
export type ErrorCode = (typeof ERROR_CODES)[number];
