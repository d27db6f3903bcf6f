import { MAX_RECORDS_LISTED, type OperatorRecord, type RecordStore, recordOrder } from './record-store.js';

/** Operator records in memory (the memory store's part); records are copied in and out as JSON. */
export function memoryRecords(live: () => void): RecordStore {
  const records = new Map<string, string>();
  const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`;
  const read = (collection: string, id: string): OperatorRecord | null => {
    const raw = records.get(keyOf(collection, id));
    return raw === undefined ? null : (JSON.parse(raw) as OperatorRecord);
  };
  return {
    async putRecord(record) {
      live();
      const existing = read(record.collection, record.id);
      if (existing) return { record: existing, created: false };
      const made: OperatorRecord = { ...record, updatedAt: record.at };
      records.set(keyOf(record.collection, record.id), JSON.stringify(made));
      return { record: read(record.collection, record.id) as OperatorRecord, created: true };
    },
    async updateRecord(collection, id, update) {
      live();
      const existing = read(collection, id);
      if (!existing || existing.status !== update.from) return { record: existing, updated: false };
      const next: OperatorRecord = {
        ...existing,
        status: update.to,
        data: update.data,
        updatedAt: update.at,
      };
      records.set(keyOf(collection, id), JSON.stringify(next));
      return { record: read(collection, id), updated: true };
    },
    async getRecord(collection, id) {
      live();
      return read(collection, id);
    },
    async listRecords(collection, query) {
      live();
      const out: OperatorRecord[] = [];
      for (const raw of records.values()) {
        const r = JSON.parse(raw) as OperatorRecord;
        if (r.collection !== collection) continue;
        if (query.status !== undefined && r.status !== query.status) continue;
        if (query.ref !== undefined && r.ref !== query.ref) continue;
        out.push(r);
      }
      return out.sort(recordOrder).slice(0, Math.min(query.limit, MAX_RECORDS_LISTED));
    },
  };
}
