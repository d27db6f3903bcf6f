import { LiebianError } from '../errors/liebian-error.js';
import { MAX_RECORDS_LISTED, type OperatorRecord, type RecordStore } from '../store/record-store.js';

/**
 * The record collection of operator actions.
 *
 * @example
 * const entries = await store.listRecords(AUDIT, { limit: 20 });
 */
export const AUDIT = 'audit';

/**
 * One operator action: who, when, what, on what, the state before and after, and how it ended.
 *
 * @example
 * const [latest]: AuditEntry[] = await auditLog(store, Date.now).list({ campaignId: 'tea', limit: 1 });
 * console.log(latest?.by.id, latest?.action, latest?.outcome); // 'op-7' 'campaign.pause' 'done'
 */
export interface AuditEntry {
  /** The action's idempotency key (one per submitted form): the same key is one action. */
  readonly id: string;
  /** The operator, from authentication, and the role `authorize` gave them. */
  readonly by: { readonly id: string; readonly role: string };
  readonly at: number;
  /** e.g. `campaign.pause`, `review.approve`, `dead-letter.discard`. */
  readonly action: string;
  /** What it acted on, e.g. `campaign:tea-set-bargain`, `review:<instance>/<event>`. */
  readonly target: string;
  readonly campaignId: string | null;
  /** `started` while it runs (a crash leaves it so; doing it again is safe), then `done` or `refused`. */
  readonly outcome: 'started' | 'done' | 'refused';
  readonly before: unknown;
  readonly after: unknown;
  /** Why it was refused, or what it did, in words for the log. */
  readonly detail: string;
}

/**
 * Which audit entries to list: those of one campaign (default: every campaign), newest first.
 *
 * @example
 * const query: AuditQuery = { campaignId: 'tea-set-bargain', limit: 50 };
 * const entries = await auditLog(store, Date.now).list(query);
 */
export interface AuditQuery {
  readonly campaignId?: string;
  /** Default 100, at most 500. */
  readonly limit?: number;
}

const toEntry = (r: OperatorRecord): AuditEntry => r.data as AuditEntry;

/**
 * The audit of operator actions, kept as records in the store. `run` makes an action happen once per key: it records
 * the action as started, does it, and records how it ended with the state before and after; the same key again
 * answers the recorded entry without doing anything (an action left `started` by a crash is done again, which every
 * console action tolerates: each sets a target state).
 *
 * @example
 * const audit = auditLog(store, () => Date.now());
 * const entry = await audit.run({ id: formKey, by, action: 'campaign.pause', target: 'campaign:tea', campaignId: 'tea' },
 *   async () => ({ before: 'live', after: 'paused', detail: '' }));
 */
export function auditLog(records: RecordStore, now: () => number) {
  return {
    async run(
      action: Pick<AuditEntry, 'id' | 'by' | 'action' | 'target' | 'campaignId'>,
      perform: () => Promise<Pick<AuditEntry, 'before' | 'after' | 'detail'> & { refused?: boolean }>,
    ): Promise<{
      readonly entry: AuditEntry;
      /** The key's action had ended before: nothing was done this time. */
      readonly repeated: boolean;
    }> {
      if (!/^[A-Za-z0-9_-]{8,64}$/.test(action.id)) {
        throw new LiebianError(
          'invalid-argument',
          `action key = ${JSON.stringify(action.id)}: use 8 to 64 letters, digits, "_" or "-" (one per form)`,
        );
      }
      const started: AuditEntry = {
        ...action,
        at: now(),
        outcome: 'started',
        before: null,
        after: null,
        detail: '',
      };
      const put = await records.putRecord({
        collection: AUDIT,
        id: action.id,
        status: 'started',
        ref: action.campaignId ?? '',
        at: started.at,
        data: started,
      });
      const existing = toEntry(put.record);
      if (!put.created && (existing.outcome !== 'started' || existing.action !== action.action))
        return { entry: existing, repeated: true };
      const result = await perform();
      const entry: AuditEntry = {
        ...existing,
        outcome: result.refused ? 'refused' : 'done',
        before: result.before,
        after: result.after,
        detail: result.detail,
      };
      const { record } = await records.updateRecord(AUDIT, action.id, {
        from: 'started',
        to: entry.outcome,
        data: entry,
        at: now(),
      });
      // Done now (an action a crash left `started` included): not a repeat.
      return { entry: record ? toEntry(record) : entry, repeated: false };
    },

    /** Entries newest first, of one campaign or all. */
    async list(query: AuditQuery = {}): Promise<AuditEntry[]> {
      const rows = await records.listRecords(AUDIT, {
        ...(query.campaignId === undefined ? {} : { ref: query.campaignId }),
        limit: Math.min(query.limit ?? 100, MAX_RECORDS_LISTED),
      });
      return rows.map(toEntry);
    },
  };
}

/**
 * The audit of operator actions over a record store, as {@link auditLog} returns it: `run` an action once per
 * key, `list` what was done.
 *
 * @example
 * const audit: AuditLog = auditLog(store, () => clock.now());
 * const recent = await audit.list({ limit: 10 });
 */
export type AuditLog = ReturnType<typeof auditLog>;
