import type { AnyMachineSnapshot } from 'xstate';
import type { AnyCampaign } from '../campaign/define-campaign.js';
import { LiebianError } from '../errors/liebian-error.js';
import type { AnyMechanic } from '../mechanics/mechanic.js';
import { mechanicFor } from '../mechanics/registry.js';
import type { Store } from '../store/store.js';
import { type Owed, owedBy, restore } from './machine-step.js';

const MAX_KNOWN_KEYS = 200_000;

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
 * Only a hint: every commit is a version compare-and-set, and a conflict evicts the entry and reloads.
 */
export class InstanceCache {
  readonly #entries = new Map<string, LoadedInstance>();
  readonly #keys = new Map<string, Set<string>>();

  constructor(
    private readonly store: Store,
    private readonly campaigns: ReadonlyMap<string, AnyCampaign>,
    private readonly capacity: number = 10_000,
  ) {}

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
    this.#entries.delete(instance.id);
    this.#entries.set(instance.id, instance);
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }

  evict(id: string): void {
    this.#entries.delete(id);
  }

  /** Drops everything known about a deleted instance, its keys included. */
  forget(id: string): void {
    this.#entries.delete(id);
    this.#keys.delete(id);
  }

  /** Drops every cached instance of a campaign, so the next batch sees its new definition. */
  evictCampaign(campaignId: string): void {
    for (const [id, entry] of this.#entries) if (entry.campaign.id === campaignId) this.#entries.delete(id);
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
      if (this.#keys.size > this.capacity) {
        const oldest = this.#keys.keys().next().value;
        if (oldest !== undefined) this.#keys.delete(oldest);
      }
    }
    return keys;
  }
}
