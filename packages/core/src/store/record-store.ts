/**
 * Operator records: what the console and the review queue keep beside instances (events held for review, the
 * audit of operator actions, work waiting for an operator). A separate, optional part of a store so that the
 * instance contract in `store.ts` stays as it is; every adapter shipped with Liebian implements it and passes the
 * `records` group of the conformance suite.
 */

/** One record. `collection` + `id` is unique; `status` is the only field that moves by compare-and-set. */
export interface OperatorRecord {
  readonly collection: string;
  readonly id: string;
  readonly status: string;
  /** A grouping key to list by (a campaign id, an instance id). */
  readonly ref: string;
  /** When the record was made (ms); lists are newest first by it, then by id. */
  readonly at: number;
  readonly updatedAt: number;
  /** JSON-compatible data. */
  readonly data: unknown;
}

/** A record to make; `updatedAt` starts at `at`. */
export type NewRecord = Omit<OperatorRecord, 'updatedAt'>;

export interface RecordUpdate {
  /** The status the record must have for the update to apply. */
  readonly from: string;
  readonly to: string;
  /** Replaces the record's data. */
  readonly data: unknown;
  readonly at: number;
}

export interface RecordQuery {
  readonly status?: string;
  readonly ref?: string;
  /** At most 500. */
  readonly limit: number;
}

/** The record methods of a store. */
export interface RecordStore {
  /**
   * Makes the record if `collection` + `id` is new; otherwise changes nothing. Answers the stored record and whether
   * this call made it (so a retried call, or a race of two, makes one record and both see the same).
   */
  putRecord(record: NewRecord): Promise<{ readonly record: OperatorRecord; readonly created: boolean }>;
  /**
   * In one atomic step, if the record's status is `update.from`: sets status, data and `updatedAt`. Answers the
   * record after the call (null when there is none) and whether this call changed it.
   */
  updateRecord(
    collection: string,
    id: string,
    update: RecordUpdate,
  ): Promise<{ readonly record: OperatorRecord | null; readonly updated: boolean }>;
  /** One record, or null. */
  getRecord(collection: string, id: string): Promise<OperatorRecord | null>;
  /** Records of a collection, newest first (`at` descending, then `id` descending), filtered by status and ref. */
  listRecords(collection: string, query: RecordQuery): Promise<OperatorRecord[]>;
}

/** The most records one `listRecords` call answers (`listRecords(c, { limit: MAX_RECORDS_LISTED })`). */
export const MAX_RECORDS_LISTED = 500;

/**
 * Whether `store` keeps operator records.
 *
 * @example
 * if (!hasRecords(store)) throw new Error('this store keeps no operator records');
 */
export function hasRecords(store: object): store is RecordStore {
  const s = store as Partial<RecordStore>;
  return (
    typeof s.putRecord === 'function' &&
    typeof s.updateRecord === 'function' &&
    typeof s.getRecord === 'function' &&
    typeof s.listRecords === 'function'
  );
}

/**
 * Newest first: `at` descending, then `id` descending (code points) — the order `listRecords` answers in.
 *
 * @example
 * const newestFirst = [...records].sort(recordOrder);
 */
export const recordOrder = (a: OperatorRecord, b: OperatorRecord): number =>
  b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
