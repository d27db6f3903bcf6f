import type { Effect } from '../engine/types.js';
import { systemClock } from '../primitives/clock.js';
import { nanoidSource } from '../primitives/ids.js';
import type { ConsumerLease, DeadLetter, OutboxItem } from '../store/store.js';
import { outboxBehind } from './consumer-lag.js';
import { startLoop } from './consumer-loop.js';
import { backoffMs, consumerSettings, errorText } from './consumer-options.js';
import { retryDeadLetters } from './retry-dead-letters.js';
import type { Consumer, ConsumerLag, ConsumerOptions, PassResult, Scheduler } from './types.js';

const systemScheduler: Scheduler = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
};

/** The entry this process is retrying: the first one after cursor `from`. */
interface Retrying {
  readonly from: string | null;
  readonly dedupeKey: string;
  readonly attempts: number;
  readonly retryAt: number;
  readonly error: string;
}

/**
 * A durable consumer of the engine's effects: a named cursor in the store, delivered in outbox order, at least
 * once. A failing effect is retried with back-off, then kept as a dead letter (with its error) after
 * `maxAttempts`, and the consumer moves on. Processes running the same consumer share it through a lease with a
 * fencing token, so one entry is never delivered by two of them at once and a process whose lease was taken over
 * cannot move the cursor. The handler must be idempotent by `effect.dedupeKey`.
 *
 * Drive it with `start()` / `stop()` in a server, or with `runOnce()` / `drain()` from a job or a test.
 *
 * @example
 * const consumer = createConsumer({
 *   store,
 *   name: 'rewards',
 *   handler: async (effect) => {
 *     if (effect.type === 'reward.granted') await grantOnce(effect.dedupeKey, effect.payload);
 *   },
 * });
 * consumer.start();
 * const engine = createEngine({ campaigns, store, onEffect: () => consumer.notify() });
 * // on shutdown: await consumer.stop();
 */
export function createConsumer(options: ConsumerOptions): Consumer {
  const settings = consumerSettings(options);
  const { store, name, handler } = options;
  const clock = options.clock ?? systemClock;
  const owner = options.owner ?? (options.ids ?? nanoidSource())();
  let retrying: Retrying | null = null;
  let held = false;
  /** Passes, retries and the hand-back run one at a time in this process. */
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => {});
    return run;
  };

  const scheduler = options.scheduler ?? systemScheduler;
  const lease = async (): Promise<ConsumerLease | null> => {
    const granted = await store.leaseConsumer(name, owner, clock.now(), settings.leaseMs);
    held = granted !== null;
    return granted;
  };
  /** The lease to deliver under: renewed once half of it has passed; null when it passed to another owner. */
  const kept = async (current: ConsumerLease): Promise<ConsumerLease | null> => {
    if (clock.now() < current.leaseUntil - settings.leaseMs / 2) return current;
    const renewed = await lease();
    return renewed?.fence === current.fence ? renewed : null;
  };

  async function pass(): Promise<PassResult> {
    let current = await lease();
    if (!current) return { status: 'not-leased', delivered: 0, deadLettered: 0 };
    const { fence } = current;
    if (retrying && retrying.from !== current.cursor) retrying = null; // someone else moved the cursor
    if (retrying && retrying.retryAt > clock.now())
      return { status: 'waiting', delivered: 0, deadLettered: 0, retryAt: retrying.retryAt };
    const page = await store.readOutbox(current.cursor, settings.pageSize);
    let cursor: string | undefined;
    let delivered = 0;
    const dead: DeadLetter[] = [];
    let status: PassResult['status'] = page.length < settings.pageSize ? 'caught-up' : 'more';
    for (const item of page) {
      const renewed = await kept(current);
      if (!renewed) return { status: 'fenced', delivered, deadLettered: dead.length };
      current = renewed;
      const failures = retrying?.dedupeKey === item.dedupeKey ? retrying.attempts : 0;
      const failure = await deliver(item, failures + 1, current);
      if (failure === null) {
        delivered++;
      } else if (failures + 1 >= settings.maxAttempts) {
        dead.push({ item, error: failure, attempts: failures + 1, failedAt: clock.now() });
      } else {
        const retryAt = clock.now() + backoffMs(settings, failures + 1);
        retrying = {
          from: cursor ?? current.cursor,
          dedupeKey: item.dedupeKey,
          attempts: failures + 1,
          retryAt,
          error: failure,
        };
        status = 'waiting';
        break;
      }
      retrying = null;
      cursor = item.cursor;
    }
    if (cursor !== undefined) {
      const moved = await store.advanceConsumer({ name, fence, cursor, deadLetters: dead });
      if (!moved) return { status: 'fenced', delivered, deadLettered: 0 };
    }
    const result = { status, delivered, deadLettered: dead.length };
    return status === 'waiting' && retrying ? { ...result, retryAt: retrying.retryAt } : result;
  }

  /**
   * Calls the handler; null on success, else the error as text. Its signal aborts when the lease it runs under
   * ends, after which another process may deliver the same entry; a call still running then counts as failed.
   */
  async function deliver(item: OutboxItem, attempt: number, under: ConsumerLease): Promise<string | null> {
    const abort = new AbortController();
    const timer = scheduler.setTimeout(() => abort.abort(), Math.max(0, under.leaseUntil - clock.now()));
    try {
      await handler(item.payload as Effect, { attempt, cursor: item.cursor, signal: abort.signal });
      return abort.signal.aborted ? `the handler ran past its lease (${settings.leaseMs} ms)` : null;
    } catch (error) {
      return errorText(error);
    } finally {
      scheduler.clearTimeout(timer);
    }
  }

  const runOnce = () => serial(pass);
  const consumer: Consumer = {
    name,
    owner,
    runOnce,
    async drain() {
      let delivered = 0;
      let deadLettered = 0;
      for (;;) {
        const result = await runOnce();
        delivered += result.delivered;
        deadLettered += result.deadLettered;
        if (result.status !== 'more') return { ...result, delivered, deadLettered };
      }
    },
    ...startLoop({
      runOnce,
      scheduler,
      clock,
      idleMs: settings.idleMs,
      leaseMs: settings.leaseMs,
      onError: options.onError ?? (() => {}),
      handBack: () =>
        serial(async () => {
          if (held) await store.leaseConsumer(name, owner, clock.now(), 0);
          held = false;
        }),
    }),

    async lag({ upTo = 10_000 } = {}): Promise<ConsumerLag> {
      const head = retrying;
      const behind = await outboxBehind(store, name, upTo);
      return {
        ...behind,
        retrying: head && {
          dedupeKey: head.dedupeKey,
          attempts: head.attempts,
          retryAt: head.retryAt,
          error: head.error,
        },
      };
    },

    deadLetters: ({ after = null, limit = 100 } = {}) => store.listDeadLetters(name, after, limit),
    retryDeadLetters: ({ keys } = {}) =>
      serial(() =>
        retryDeadLetters(
          { store, name, leaseMs: settings.leaseMs, now: () => clock.now(), lease, kept, deliver },
          keys,
        ),
      ),
    discardDeadLetter: (dedupeKey) => store.removeDeadLetter(name, dedupeKey),
  };
  return consumer;
}
