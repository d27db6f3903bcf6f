/**
 * Stand-in for the integrator's database: documents by key, each with a version, and one atomic operation —
 * compare-and-swap on a single key (what etcd, DynamoDB conditional writes or a `version` column give you).
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
