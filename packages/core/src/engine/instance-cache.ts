import type { AnyMachineSnapshot } from 'xstate';
import type { AnyCampaign } from '../campaign/define-campaign.js';
import { LiebianError } from '../errors/liebian-error.js';
import type { AnyMechanic } from '../mechanics/mechanic.js';
import { mechanicFor } from '../mechanics/registry.js';
import type { Store } from '../store/store.js';
import { type Owed, owedBy, restore } from './machine-step.js';

const MAX_KNOWN_KEYS = 200_000;
/** Default memory budget of the cache (`EngineOptions.cacheBytes`). */
export const DEFAULT_CACHE_BYTES = 64 * 2 ** 20;
/**
 * Estimated heap bytes of a cached instance: a fixed part and a part per known key. Fitted to heap measurements of
 * cached bargains (818 B with no help, 1,587 B after 3 helps, 2,572 B after 9: `bench/cache-bytes.ts`).
 */
const ENTRY_BYTES = 800;
const KEY_BYTES = 100;
/** Instances whose known keys are kept at most when the cache has no count limit. */
const MAX_KEYED_INSTANCES = 200_000;

/** An instance ready to apply events to. */
export interface LoadedInstance {
  readonly id: string;
  readonly campaign: AnyCampaign;
  readonly mechanic: AnyMechanic;
  readonly version: number;
  readonly snapshot: AnyMachineSnapshot;
  /** What the last commit left to do that may not have been done yet (see `persist`). */
  readonly owed?: Owed;
}

/**
 * The last committed state of recently written instances, so a hot instance is not re-read before every batch.
 * Only a hint: every commit is a version compare-and-set, and a conflict evicts the entry and reloads. Bounded by
 * an estimate of its memory (`bytes`, see {@link ENTRY_BYTES}) and, if given, a number of instances; the least
 * recently written go first, with the keys known for them.
 */
export class InstanceCache {
  readonly #entries = new Map<string, LoadedInstance>();
  readonly #keys = new Map<string, Set<string>>();
  /** Each cached instance's estimated bytes, as counted in `#bytes` when it was last set. */
  readonly #sizes = new Map<string, number>();
  #bytes = 0;

  constructor(
    private readonly store: Store,
    private readonly campaigns: ReadonlyMap<string, AnyCampaign>,
    private readonly capacity: number = Number.POSITIVE_INFINITY,
    private readonly budget: number = DEFAULT_CACHE_BYTES,
  ) {}

  /** Estimated bytes held by the cache (instances and their known keys). */
  get bytes(): number {
    return this.#bytes;
  }

  /** The cached instance, if any, without a round trip. */
  peek(id: string): LoadedInstance | undefined {
    return this.#entries.get(id);
  }

  async get(id: string, fresh = false): Promise<LoadedInstance | null> {
    const cached = fresh ? undefined : this.#entries.get(id);
    if (cached) return cached;
    const loaded = await this.load(id);
    if (loaded) this.set(loaded);
    else this.#entries.delete(id);
    return loaded;
  }

  /** Reads the store, bypassing the cache (for views, which must see other processes' writes). */
  async load(id: string): Promise<LoadedInstance | null> {
    const row = await this.store.load(id);
    if (!row) return null;
    const campaign = this.campaigns.get(row.campaignId);
    if (!campaign) {
      throw new LiebianError(
        'unknown-campaign',
        `instance ${id} belongs to campaign "${row.campaignId}", which this engine was not given`,
      );
    }
    const mechanic = mechanicFor(row.kind);
    const snapshot = restore(mechanic, row.snapshot, id);
    return { id, campaign, mechanic, version: row.version, snapshot, owed: owedBy(row.snapshot) };
  }

  set(instance: LoadedInstance): void {
    const { id } = instance;
    this.#entries.delete(id);
    this.#entries.set(id, instance);
    const size = ENTRY_BYTES + KEY_BYTES * (this.#keys.get(id)?.size ?? 0);
    this.#bytes += size - (this.#sizes.get(id) ?? 0);
    this.#sizes.set(id, size);
    while (this.#entries.size > 1 && (this.#entries.size > this.capacity || this.#bytes > this.budget)) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.forget(oldest);
    }
  }

  evict(id: string): void {
    this.#entries.delete(id);
    this.#bytes -= this.#sizes.get(id) ?? 0;
    this.#sizes.delete(id);
  }

  /** Drops everything known about an instance, its keys included (deleted, or pushed out of the cache). */
  forget(id: string): void {
    this.evict(id);
    this.#keys.delete(id);
  }

  /** Drops every cached instance of a campaign, so the next batch sees its new definition. */
  evictCampaign(campaignId: string): void {
    for (const [id, entry] of this.#entries) if (entry.campaign.id === campaignId) this.evict(id);
  }

  /**
   * Keys known to be taken on an instance (committed by this process, or reported by the store). Keys are never
   * freed, so the set stays true after a conflict; it only saves round trips, so it is dropped when it grows large.
   */
  knownKeys(id: string): Set<string> {
    let keys = this.#keys.get(id);
    if (!keys || keys.size > MAX_KNOWN_KEYS) {
      keys = new Set();
      this.#keys.set(id, keys);
      if (this.#keys.size > Math.min(this.capacity, MAX_KEYED_INSTANCES)) {
        const oldest = this.#keys.keys().next().value;
        if (oldest !== undefined) this.#keys.delete(oldest);
      }
    }
    return keys;
  }
}
