/**
 * Stable error codes. A code never changes meaning once released; new codes may be added.
 * Every code is documented in `docs/errors.md`.
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
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];
