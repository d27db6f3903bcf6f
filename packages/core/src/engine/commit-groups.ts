import type { CommitBatch, CommitRequest, CommitResult, Store } from '../store/store.js';

interface Waiting {
  readonly request: CommitRequest;
  resolve(result: CommitResult): void;
  reject(error: unknown): void;
}

/**
 * Group commit across instances: the batches of different instances that are ready while the store is busy go to
 * it together, in one {@link Store.commit} call (one round trip), each with its own version and key check. At most
 * `lanes` calls are in flight; a batch that finds a lane free goes at the end of the current turn of microtasks,
 * with whatever joined it meanwhile, so a quiet engine adds no wait and a busy one sends fewer, larger calls.
 */
export class CommitGroups {
  readonly #waiting: Waiting[] = [];
  #inFlight = 0;
  #scheduled = false;

  constructor(
    private readonly store: Store,
    private readonly lanes: number,
    private readonly maxGroup: number,
  ) {}

  /** Commits one instance's batch with whatever others are ready. Rejects if the store's answer was lost. */
  commit(id: string, batch: CommitBatch): Promise<CommitResult> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ request: { ...batch, id }, resolve, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled || this.#inFlight >= this.lanes || this.#waiting.length === 0) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      this.#send();
    });
  }

  #send(): void {
    if (this.#inFlight >= this.lanes) return;
    const group = this.#waiting.splice(0, this.maxGroup);
    if (group.length === 0) return;
    this.#inFlight++;
    Promise.resolve()
      .then(() => this.store.commit(group.map((w) => w.request)))
      .then(
        (results) => {
          group.forEach((w, i) => {
            const result = results[i];
            if (result) w.resolve(result);
            else
              w.reject(
                new Error(`store.commit answered ${results.length} results for ${group.length} requests`),
              );
          });
        },
        (error: unknown) => {
          for (const w of group) w.reject(error);
        },
      )
      .finally(() => {
        this.#inFlight--;
        this.#schedule();
      });
    this.#schedule();
  }
}
