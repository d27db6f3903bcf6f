import { LiebianError } from '../errors/liebian-error.js';
import type { PendingEvent } from './apply-batch.js';

/**
 * One queue per instance and one drain loop per queue: a single writer per instance in this process.
 * Events that arrive while a batch commits wait and go together in the next batch.
 */
export class Mailboxes {
  readonly #queues = new Map<string, PendingEvent[]>();
  readonly #drains = new Set<Promise<void>>();

  constructor(
    private readonly process: (instanceId: string, batch: PendingEvent[]) => Promise<void>,
    private readonly maxBatch: number,
    private readonly maxQueue: number,
  ) {}

  post(instanceId: string, item: PendingEvent): void {
    const queue = this.#queues.get(instanceId);
    if (queue) {
      if (queue.length >= this.maxQueue) {
        throw new LiebianError(
          'overloaded',
          `instance "${instanceId}" has ${queue.length} events waiting; retry later`,
        );
      }
      queue.push(item);
      return;
    }
    const fresh = [item];
    this.#queues.set(instanceId, fresh);
    const drain = this.#drain(instanceId, fresh).finally(() => this.#drains.delete(drain));
    this.#drains.add(drain);
  }

  async #drain(instanceId: string, queue: PendingEvent[]): Promise<void> {
    // Let callers in the same tick join the first batch.
    await Promise.resolve();
    while (queue.length > 0) {
      const batch = queue.splice(0, this.maxBatch);
      await this.process(instanceId, batch);
    }
    this.#queues.delete(instanceId);
  }

  /** Resolves when every queued event has been answered. */
  async idle(): Promise<void> {
    while (this.#drains.size > 0) await Promise.all([...this.#drains]);
  }
}
