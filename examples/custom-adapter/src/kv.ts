/**
 * Stand-in for the integrator's database: documents by key, each with a version, and two atomic operations —
 * compare-and-swap on a single key (what etcd, DynamoDB conditional writes or a `version` column give you) and the
 * same over several keys at once (a transaction).
 * Every call yields to the event loop first, so concurrent callers really interleave.
 */
export interface Versioned<T> {
  readonly value: T;
  readonly version: number;
}

export class KeyValueStore {
  readonly #docs = new Map<string, Versioned<unknown>>();
  #sequence = 0;

  async get<T>(key: string): Promise<Versioned<T> | null> {
    await new Promise((resolve) => setImmediate(resolve));
    const doc = this.#docs.get(key);
    return doc ? { value: structuredClone(doc.value) as T, version: doc.version } : null;
  }

  /** Writes `value` if the document is still at `expectedVersion` (0 = absent). */
  async compareAndSwap<T>(key: string, expectedVersion: number, value: T): Promise<boolean> {
    await new Promise((resolve) => setImmediate(resolve));
    if ((this.#docs.get(key)?.version ?? 0) !== expectedVersion) return false;
    this.#docs.set(key, { value: structuredClone(value), version: expectedVersion + 1 });
    return true;
  }

  /**
   * Writes every document of `writes` if each is still at its `expectedVersion` (0 = absent): all of them or none
   * (what etcd's Txn, DynamoDB's TransactWriteItems or FoundationDB give you). False if any moved on.
   */
  async transact(
    writes: readonly { key: string; expectedVersion: number; value: unknown }[],
  ): Promise<boolean> {
    await new Promise((resolve) => setImmediate(resolve));
    if (writes.some((w) => (this.#docs.get(w.key)?.version ?? 0) !== w.expectedVersion)) return false;
    for (const w of writes)
      this.#docs.set(w.key, { value: structuredClone(w.value), version: w.expectedVersion + 1 });
    return true;
  }

  async delete(key: string): Promise<boolean> {
    await new Promise((resolve) => setImmediate(resolve));
    return this.#docs.delete(key);
  }

  async keys(prefix: string): Promise<string[]> {
    await new Promise((resolve) => setImmediate(resolve));
    return [...this.#docs.keys()].filter((k) => k.startsWith(prefix));
  }

  /** A strictly increasing number. */
  async next(): Promise<number> {
    await new Promise((resolve) => setImmediate(resolve));
    return ++this.#sequence;
  }
}
