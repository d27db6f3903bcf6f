import { describe, expect, it } from 'vitest';
import { isLiebianError } from '../errors/liebian-error.js';
import { commitEffects, consumerSetup, manualScheduler } from './consumer-fixture.test-utils.js';
import { createConsumer } from './create-consumer.js';

const keysOf = (n: number, prefix = 'k') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('createConsumer', () => {
  it('delivers every entry once, in order, and keeps its cursor in the store', async () => {
    const { store, clock } = consumerSetup();
    await commitEffects(store, 'a', keysOf(5, 'a'));
    await commitEffects(store, 'b', keysOf(3, 'b'));
    const seen: string[] = [];
    const make = () =>
      createConsumer({
        store,
        name: 'rewards',
        clock,
        pageSize: 3,
        handler: (e) => void seen.push(e.dedupeKey),
      });
    const first = make();
    expect(await first.drain()).toMatchObject({ status: 'caught-up', delivered: 8 });
    expect(seen).toEqual([...keysOf(5, 'a'), ...keysOf(3, 'b')]);
    await first.stop();
    // A new process (a new consumer object) carries on from the stored cursor.
    await commitEffects(store, 'a', ['a-late']);
    expect(await make().drain()).toMatchObject({ delivered: 1 });
    expect(seen.at(-1)).toBe('a-late');
    expect(seen).toHaveLength(9);
  });

  it('retries a failing entry with back-off on the injected clock, then dead-letters it with its error', async () => {
    const { store, clock } = consumerSetup();
    await commitEffects(store, 'a', ['ok-1', 'bad', 'ok-2']);
    const attempts: number[] = [];
    const consumer = createConsumer({
      store,
      name: 'c1',
      clock,
      maxAttempts: 3,
      backoff: { initialMs: 1_000, maxMs: 1_500 },
      handler: (e, d) => {
        if (e.dedupeKey !== 'bad') return;
        attempts.push(d.attempt);
        throw new Error(`refund service down (try ${d.attempt})`);
      },
    });
    expect(await consumer.runOnce()).toEqual({
      status: 'waiting',
      delivered: 1,
      deadLettered: 0,
      retryAt: clock.now() + 1_000,
    });
    // Before the retry time nothing is tried.
    expect(await consumer.runOnce()).toMatchObject({ status: 'waiting', delivered: 0 });
    expect(attempts).toEqual([1]);
    expect((await consumer.lag()).retrying).toMatchObject({ dedupeKey: 'bad', attempts: 1 });
    clock.advance(1_000);
    expect(await consumer.runOnce()).toMatchObject({ status: 'waiting', retryAt: clock.now() + 1_500 });
    clock.advance(1_500);
    expect(await consumer.runOnce()).toEqual({ status: 'caught-up', delivered: 1, deadLettered: 1 });
    expect(attempts).toEqual([1, 2, 3]);
    const [letter, ...others] = await consumer.deadLetters();
    expect(others).toEqual([]);
    expect(letter).toMatchObject({
      attempts: 3,
      failedAt: clock.now(),
      error: 'Error: refund service down (try 3)',
      item: { dedupeKey: 'bad', instanceId: 'a' },
    });
    expect(await consumer.lag()).toMatchObject({ entries: 0, retrying: null, oldestAt: null });
  });

  it('retries and discards dead letters', async () => {
    const { store, clock } = consumerSetup();
    await commitEffects(store, 'a', ['x', 'y', 'z']);
    let healthy = false;
    const delivered: string[] = [];
    const consumer = createConsumer({
      store,
      name: 'c2',
      clock,
      maxAttempts: 1,
      handler: (e) => {
        if (!healthy) throw Object.assign(new Error('nope\u0000\ud800'), { code: 'E_DOWN' });
        delivered.push(e.dedupeKey);
      },
    });
    expect(await consumer.drain()).toMatchObject({ deadLettered: 3 });
    expect((await consumer.deadLetters()).map((d) => [d.item.dedupeKey, d.error])).toEqual([
      ['x', 'Error [E_DOWN]: nope\ufffd\ufffd'],
      ['y', 'Error [E_DOWN]: nope\ufffd\ufffd'],
      ['z', 'Error [E_DOWN]: nope\ufffd\ufffd'],
    ]);
    expect((await consumer.deadLetters({ after: 'x', limit: 1 })).map((d) => d.item.dedupeKey)).toEqual([
      'y',
    ]);
    expect(await consumer.retryDeadLetters({ keys: ['y', 'nope'] })).toEqual({
      delivered: [],
      failed: ['y'],
      missing: ['nope'],
    });
    expect((await consumer.deadLetters({ after: 'x', limit: 1 }))[0]?.attempts).toBe(2);
    healthy = true;
    expect(await consumer.discardDeadLetter('x')).toBe(true);
    expect(await consumer.discardDeadLetter('x')).toBe(false);
    expect(await consumer.retryDeadLetters()).toEqual({ delivered: ['y', 'z'], failed: [], missing: [] });
    expect(delivered).toEqual(['y', 'z']);
    expect(await consumer.deadLetters()).toEqual([]);
  });

  it('retries dead letters only under the lease: consumer-lease-held while another process has it', async () => {
    const { store, clock } = consumerSetup();
    await store.leaseConsumer('busy', 'elsewhere', clock.now(), 30_000);
    const consumer = createConsumer({ store, name: 'busy', clock, handler: () => {} });
    await expect(consumer.retryDeadLetters()).rejects.toMatchObject({
      code: 'consumer-lease-held',
      message: expect.stringMatching(/consumer "busy" is leased by another process/),
    });
    expect(await consumer.runOnce()).toMatchObject({ status: 'not-leased' });
    clock.advance(30_000);
    expect(await consumer.retryDeadLetters()).toEqual({ delivered: [], failed: [], missing: [] });
  });

  it('two processes never both hold the lease; the one taken over cannot move the cursor', async () => {
    const { store, clock } = consumerSetup();
    await commitEffects(store, 'a', keysOf(4));
    const log: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let begin: () => void = () => {};
    const begun = new Promise<void>((resolve) => {
      begin = resolve;
    });
    const slow = createConsumer({
      store,
      name: 'shared',
      owner: 'p1',
      clock,
      leaseMs: 10_000,
      handler: async (e) => {
        log.push(`p1:${e.dedupeKey}`);
        begin();
        await gate;
      },
    });
    const other = createConsumer({
      store,
      name: 'shared',
      owner: 'p2',
      clock,
      leaseMs: 10_000,
      handler: (e) => void log.push(`p2:${e.dedupeKey}`),
    });
    const stuck = slow.runOnce();
    await begun;
    expect(await other.runOnce()).toMatchObject({ status: 'not-leased' });
    // p1 hangs past its lease; p2 takes over and delivers everything.
    clock.advance(10_000);
    expect(await other.drain()).toMatchObject({ delivered: 4 });
    release();
    // p1 finishes its entry, cannot renew before the next one, and its progress is refused.
    expect(await stuck).toMatchObject({ status: 'fenced' });
    expect(log).toEqual(['p1:k0', 'p2:k0', 'p2:k1', 'p2:k2', 'p2:k3']);
    const [state] = await store.listConsumers();
    expect(state).toMatchObject({ owner: 'p2', fence: 2 });
    expect(await store.readOutbox(state?.cursor ?? null, 10)).toEqual([]);
  });

  it('aborts a delivery when its lease ends; one that returns after that counts as failed', async () => {
    const { store, clock } = consumerSetup();
    const timers = manualScheduler();
    await commitEffects(store, 'a', ['slow']);
    let begin: () => void = () => {};
    const begun = new Promise<void>((resolve) => {
      begin = resolve;
    });
    let aborted = false;
    const consumer = createConsumer({
      store,
      name: 'abort',
      clock,
      scheduler: timers.scheduler,
      leaseMs: 10_000,
      handler: async (_, d) => {
        d.signal.addEventListener('abort', () => {
          aborted = true;
        });
        begin();
        await new Promise((resolve) => d.signal.addEventListener('abort', resolve));
      },
    });
    const pass = consumer.runOnce();
    await begun;
    expect(timers.delays()).toEqual([10_000]);
    timers.fire();
    expect(await pass).toMatchObject({ status: 'waiting', delivered: 0 });
    expect(aborted).toBe(true);
    expect((await consumer.lag()).retrying?.error).toBe('the handler ran past its lease (10000 ms)');
    expect(timers.delays()).toEqual([]);
  });

  it('refuses a stale fence even when the old owner advances without renewing', async () => {
    const { store, clock } = consumerSetup();
    await commitEffects(store, 'a', ['only']);
    const old = await store.leaseConsumer('f', 'p1', clock.now(), 100);
    clock.advance(100);
    const taken = await store.leaseConsumer('f', 'p2', clock.now(), 100);
    expect(taken?.fence).toBe((old?.fence ?? 0) + 1);
    const [item] = await store.readOutbox(null, 1);
    expect(
      await store.advanceConsumer({
        name: 'f',
        fence: old?.fence ?? 0,
        cursor: item?.cursor ?? '',
        deadLetters: [],
      }),
    ).toBe(false);
    expect((await store.listConsumers())[0]?.cursor).toBeNull();
  });

  it('runs in the background on the injected scheduler, wakes on notify, and hands the lease back on stop', async () => {
    const { store, clock } = consumerSetup();
    const timers = manualScheduler();
    const seen: string[] = [];
    const consumer = createConsumer({
      store,
      name: 'loop',
      clock,
      scheduler: timers.scheduler,
      idleMs: 5_000,
      handler: (e) => void seen.push(e.dedupeKey),
    });
    consumer.start();
    expect(timers.delays()).toEqual([0]);
    timers.fire();
    await consumer.runOnce(); // waits behind the background pass
    expect(timers.delays()).toEqual([5_000]);
    await commitEffects(store, 'a', ['n1']);
    consumer.notify();
    expect(timers.delays()).toEqual([0]);
    timers.fire();
    await consumer.runOnce();
    expect(seen).toEqual(['n1']);
    await consumer.stop();
    expect(timers.delays()).toEqual([]);
    // Handed back: another owner gets the lease at once.
    expect(await store.leaseConsumer('loop', 'someone-else', clock.now(), 1_000)).not.toBeNull();
  });

  it('reports lag: entries behind, capped, and the oldest undelivered effect time', async () => {
    const { store, clock } = consumerSetup();
    await commitEffects(store, 'a', keysOf(30), 4_242);
    const consumer = createConsumer({ store, name: 'lagging', clock, handler: () => {} });
    expect(await consumer.lag()).toMatchObject({ entries: 30, capped: false, oldestAt: 4_242 });
    expect(await consumer.lag({ upTo: 10 })).toMatchObject({ entries: 10, capped: true });
  });

  it('refuses bad settings with the field, the value and the fix', () => {
    const { store } = consumerSetup();
    const bad = (options: Record<string, unknown>) => {
      try {
        createConsumer({ store, name: 'ok', handler: () => {}, ...options });
      } catch (error) {
        return isLiebianError(error, 'invalid-argument') ? error.message : `other: ${String(error)}`;
      }
      return 'accepted';
    };
    expect(bad({ name: 'has space' })).toMatch(/name = "has space": use 1–100 characters/);
    expect(bad({ pageSize: 0 })).toMatch(/pageSize = 0: must be a whole number from 1/);
    expect(bad({ backoff: { initialMs: 10, maxMs: 5 } })).toMatch(/backoff.maxMs = 5: must not be below/);
    expect(bad({})).toBe('accepted');
  });
});
