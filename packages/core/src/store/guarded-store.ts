import { isLiebianError, LiebianError } from '../errors/liebian-error.js';
import type { Store } from './store.js';

/** How long a store call may take before it is answered `store-timeout` (default of `EngineOptions.storeTimeoutMs`). */
export const DEFAULT_STORE_TIMEOUT_MS = 5_000;

/** Store methods that only read: a failure of one of them never leaves anything applied. */
const READS = new Set<string>(['load', 'seen', 'topScores', 'scoreOf', 'readOutbox']);

/**
 * Turns whatever a store threw into a typed, retryable {@link LiebianError}: `store-timeout` when it did not answer
 * in time, `store-unavailable` otherwise (connection refused, reset, terminated…); the original error is the
 * `cause`. A LiebianError passes through unchanged.
 *
 * @example
 * try { await store.load(id) } catch (e) { throw asStoreError(e, 'load') }
 */
export function asStoreError(error: unknown, operation: string): LiebianError {
  if (isLiebianError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  const timedOut = /time(d)?[ -]?out|ETIMEDOUT/i.test(message);
  const may = READS.has(operation) ? '' : '; it may have applied: retrying with the same event id is safe';
  return new LiebianError(
    timedOut ? 'store-timeout' : 'store-unavailable',
    `store ${operation} failed: ${message}${may}`,
    { cause: error },
  );
}

/**
 * Wraps a store so that no call stays pending longer than `timeoutMs` and every failure is a typed, retryable
 * error (see {@link asStoreError}). The engine wraps every store it is given; a call that timed out may still
 * complete in the store, which is why the engine reconciles a commit it did not hear back from.
 *
 * @example
 * const store = guardStore(await createPostgresStore({ connectionString }), 2_000);
 */
export function guardStore(store: Store, timeoutMs = DEFAULT_STORE_TIMEOUT_MS): Store {
  const wrapped = new Map<PropertyKey, unknown>();
  // One sweep over the calls in flight rather than a timer per call (a hot instance makes thousands of calls a
  // second): a call fails within 1.25 × timeoutMs at the latest.
  const inFlight = new Map<number, { readonly deadline: number; fail(): void }>();
  let nextCall = 0;
  let sweeper: ReturnType<typeof setInterval> | null = null;
  const sweep = () => {
    const now = Date.now();
    for (const [id, call] of inFlight) {
      if (call.deadline > now) continue;
      inFlight.delete(id);
      call.fail();
    }
    if (inFlight.size === 0 && sweeper !== null) {
      clearInterval(sweeper);
      sweeper = null;
    }
  };
  const guard =
    (name: string, method: (...args: unknown[]) => Promise<unknown>) =>
    (...args: unknown[]) =>
      new Promise((resolve, reject) => {
        const id = nextCall++;
        inFlight.set(id, {
          deadline: Date.now() + timeoutMs,
          fail: () => reject(asStoreError(new Error(`no answer within ${timeoutMs} ms (timed out)`), name)),
        });
        // Wall time, not the engine's clock: a manual clock in a test must not stop real timeouts. The sweep stops
        // when nothing is in flight, so it keeps no process alive on its own.
        sweeper ??= setInterval(sweep, Math.max(1, timeoutMs / 4));
        let pending: Promise<unknown>;
        try {
          pending = Promise.resolve(method.apply(store, args));
        } catch (error) {
          pending = Promise.reject(error);
        }
        pending.then(
          (value) => {
            inFlight.delete(id);
            resolve(value);
          },
          (error: unknown) => {
            inFlight.delete(id);
            reject(asStoreError(error, name));
          },
        );
      });
  // A proxy, so methods on a class prototype and methods added to the contract later are guarded alike.
  return new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function' || typeof name !== 'string') return value;
      let fn = wrapped.get(name);
      if (fn === undefined) {
        fn = guard(name, value as (...args: unknown[]) => Promise<unknown>);
        wrapped.set(name, fn);
      }
      return fn;
    },
  });
}
