import { LiebianError } from '../errors/liebian-error.js';
import { nextTurn } from '../primitives/next-turn.js';
import type { InFlight, PendingEvent, Pipeline } from './apply-batch.js';

/**
 * One queue per instance and one drain loop per queue: a single writer per instance in this process.
 * Events that arrive while a batch commits go together in the next batch, which is applied on top of the state the
 * committing one offers and sent as soon as that commit holds: at most two batches per instance are under way, one
 * committing and one being applied.
 */
/** An instance's waiting events, and how the drain loop is told another arrived. */
interface Queue {
  readonly items: PendingEvent[];
  arrived(): void;
}

/** A batch is split in two only when each half has at least this many events. */
const MIN_SPLIT = 8;

export class Mailboxes {
  readonly #queues = new Map<string, Queue>();
  readonly #drains = new Set<Promise<void>>();

  constructor(
    private readonly process: (
      instanceId: string,
      batch: PendingEvent[],
      pipeline: Pipeline,
    ) => Promise<void>,
    private readonly maxBatch: number,
    private readonly maxQueue: number,
  ) {}

  post(instanceId: string, item: PendingEvent): void {
    const queue = this.#queues.get(instanceId);
    if (queue) {
      if (queue.items.length >= this.maxQueue) {
        throw new LiebianError(
          'overloaded',
          `instance "${instanceId}" has ${queue.items.length} events waiting; retry later`,
        );
      }
      queue.items.push(item);
      queue.arrived();
      return;
    }
    const fresh: Queue = { items: [item], arrived: () => {} };
    this.#queues.set(instanceId, fresh);
    const drain = this.#drain(instanceId, fresh).finally(() => this.#drains.delete(drain));
    this.#drains.add(drain);
  }

  async #drain(instanceId: string, queue: Queue): Promise<void> {
    const { items } = queue;
    // Let callers in the same tick join the first batch.
    await Promise.resolve();
    let after: InFlight | null = null;
    let running: Promise<void> = Promise.resolve();
    /** Whether batches here offer their commits to build on (not, for instance, a board's). */
    let pipelines = true;
    for (;;) {
      if (items.length === 0) {
        // The last batch's answers may bring more events.
        await running;
        after = null;
        if (items.length === 0) break;
      }
      // Starting cold with a crowd: send half, so the other half can be applied while the first half commits.
      const size =
        after === null && pipelines && items.length >= 2 * MIN_SPLIT
          ? Math.ceil(items.length / 2)
          : items.length;
      const batch = items.splice(0, Math.min(size, this.maxBatch));
      let offered: (flight: InFlight | null) => void = () => {};
      const flight = new Promise<InFlight | null>((resolve) => {
        offered = resolve;
      });
      running = this.process(instanceId, batch, { after, inFlight: offered });
      after = await flight;
      pipelines = after !== null;
      if (after === null) {
        // Nothing to build on: the next batch waits for this one to finish.
        await running;
        continue;
      }
      if (items.length === 0) {
        // Wait for the next event or the end of the commit, whichever comes first.
        const arrival = new Promise<void>((resolve) => {
          queue.arrived = resolve;
        });
        const finished = await Promise.race([running.then(() => true), arrival.then(() => false)]);
        queue.arrived = () => {};
        if (finished) {
          after = null;
          continue;
        }
      }
      // Callers answered by the batch before are sending their next events: let them join this batch.
      await nextTurn();
    }
    this.#queues.delete(instanceId);
  }

  /** Resolves when every queued event has been answered. */
  async idle(): Promise<void> {
    while (this.#drains.size > 0) await Promise.all([...this.#drains]);
  }
}
