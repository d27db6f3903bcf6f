import type { Effect } from '../engine/types.js';
import type { Store } from '../store/store.js';

/** The version of the NDJSON line format (`docs/analytics.md`). */
export const EVENT_LOG_VERSION = 1;

/** One line of the NDJSON export: an outbox entry (event record or effect) with its cursor. */
export interface EventLogLine extends Effect {
  readonly v: typeof EVENT_LOG_VERSION;
  /** The entry's outbox cursor: pass the last one as `after` to go on from there. */
  readonly cursor: string;
  /** `at` as an ISO 8601 instant (UTC), for loaders that want a timestamp column. */
  readonly time: string;
}

export interface EventLogOptions {
  /** Only this campaign's entries (default: every campaign). */
  readonly campaignId?: string;
  /** Start after this cursor (default: the oldest entry still in the outbox). */
  readonly after?: string | null;
  /** Outbox entries read per store call (default 500). */
  readonly pageSize?: number;
}

/**
 * The event log as NDJSON lines, oldest first: every outbox entry still in the store (event records when the engine
 * runs with `recordEvents: true`, and effects), one JSON object per line, for ClickHouse, BigQuery or a file. Entries
 * trimmed from the outbox are gone: keep an export current by running it from the last `cursor` it wrote (or as a
 * consumer of its own, which holds trimming back).
 *
 * @example
 * for await (const line of exportEventLog(store, { campaignId: 'tea-set-bargain' })) process.stdout.write(line);
 */
export async function* exportEventLog(store: Store, options: EventLogOptions = {}): AsyncGenerator<string> {
  const pageSize = options.pageSize ?? 500;
  let cursor = options.after ?? null;
  for (;;) {
    const page = await store.readOutbox(cursor, pageSize);
    for (const item of page) {
      cursor = item.cursor;
      const effect = item.payload as Effect;
      if (options.campaignId !== undefined && effect.campaignId !== options.campaignId) continue;
      const line: EventLogLine = {
        v: EVENT_LOG_VERSION,
        cursor: item.cursor,
        time: new Date(effect.at).toISOString(),
        ...effect,
      };
      yield `${JSON.stringify(line)}\n`;
    }
    if (page.length < pageSize) return;
  }
}
