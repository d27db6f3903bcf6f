import type { Consumer, Engine, Store } from '@liebian/core';
import { AUDIT, type AuditEntry, type AuditLog } from '@liebian/core/engine';
import { boardName, type LeaderboardContext, type ReferralContext } from '@liebian/core/mechanics';
import { MAX_RECORDS_LISTED, outboxBehind, type RecordStore } from '@liebian/core/store';
import { BOARDS, LEDGERS } from './console-indexer.js';
import type { CampaignRow, LiveFigures } from './pages/campaigns-page.js';
import type { ConsumerItem } from './pages/delivery-page.js';
import type { BoardItem, LedgerItem } from './pages/settlements-page.js';

/** How far the lag count reads per consumer before it says "at least". */
const LAG_UP_TO = 10_000;

export interface DataSources {
  readonly engine: Engine;
  readonly store: Store & RecordStore;
  readonly audit: AuditLog;
  readonly consumers: ReadonlyMap<string, Consumer>;
  /** Rows per page of long lists. */
  readonly pageSize: number;
}

/**
 * Every consumer in the store with its lag and a page of its dead letters (the console's own indexer included):
 * `page.consumer`'s from after the dedupe key `page.after` (the store's own cursor), the others' from the first.
 */
export async function loadConsumers(
  { store, consumers, pageSize }: DataSources,
  page: { readonly consumer: string | null; readonly after: string | null } = { consumer: null, after: null },
): Promise<ConsumerItem[]> {
  const states = await store.listConsumers();
  return Promise.all(
    states.map(async (state) => {
      const after = state.name === page.consumer ? page.after : null;
      const letters = await store.listDeadLetters(state.name, after, pageSize + 1);
      const shown = letters.slice(0, pageSize);
      return {
        state,
        lag: await outboxBehind(store, state.name, LAG_UP_TO),
        deadLetters: shown,
        after,
        next: letters.length > pageSize ? (shown.at(-1)?.item.dedupeKey ?? null) : null,
        retryable: consumers.has(state.name),
      };
    }),
  );
}

/** The campaign list with each campaign's held events and leaderboards waiting, and the live figures. */
export async function loadCampaigns(
  sources: DataSources,
): Promise<{ rows: CampaignRow[]; figures: LiveFigures }> {
  const { engine, store } = sources;
  const rows = await Promise.all(
    engine.campaigns().map(async (campaign) => ({
      campaign,
      phase: engine.phase(campaign.id),
      pendingReviews: (
        await engine.reviews({ status: 'pending', campaignId: campaign.id, limit: MAX_RECORDS_LISTED })
      ).length,
      waitingBoards: (
        await store.listRecords(BOARDS, { status: 'waiting', ref: campaign.id, limit: MAX_RECORDS_LISTED })
      ).length,
    })),
  );
  const consumers = await loadConsumers(sources);
  const figures: LiveFigures = {
    campaigns: rows.length,
    pendingReviews: rows.reduce((n, r) => n + r.pendingReviews, 0),
    waitingBoards: rows.reduce((n, r) => n + r.waitingBoards, 0),
    consumers: consumers.length,
    lag: {
      entries: consumers.reduce((n, c) => n + c.lag.entries, 0),
      capped: consumers.some((c) => c.lag.capped),
    },
    deadLetters: {
      entries: consumers.reduce((n, c) => n + c.deadLetters.length, 0),
      capped: consumers.some((c) => c.next !== null),
    },
  };
  return { rows, figures };
}

/** A stored instance's machine state (`{ value, context }` as committed). */
async function stateOf<C>(store: Store, instanceId: string): Promise<{ value: string; context: C } | null> {
  const stored = await store.load(instanceId);
  if (!stored) return null;
  const snapshot = stored.snapshot as { value: string; context: C };
  return { value: snapshot.value, context: snapshot.context };
}

/**
 * Leaderboards the indexer saw frozen and not yet published, with unmasked standings read from the store's board
 * (an operator approves who wins, so the console shows member ids; the public views mask them).
 */
export async function loadBoards({ store }: DataSources): Promise<BoardItem[]> {
  const waiting = await store.listRecords(BOARDS, { status: 'waiting', limit: 50 });
  const boards = await Promise.all(
    waiting.map(async (record): Promise<BoardItem | null> => {
      const state = await stateOf<LeaderboardContext>(store, record.id);
      if (!state) return null;
      const { context } = state;
      const flagged = Object.entries(context.flagged);
      const top = await store.topScores(
        boardName(context.campaignId, context.instanceId),
        context.rules.showTop + flagged.length,
      );
      return {
        instanceId: record.id,
        campaignId: record.ref,
        state: state.value,
        top: top.filter((e) => !Object.hasOwn(context.flagged, e.member)).slice(0, context.rules.showTop),
        flagged,
      };
    }),
  );
  return boards.filter((b): b is BoardItem => b !== null);
}

/** Referral links with ledger entries, newest first. */
export async function loadLedgers({ store }: DataSources): Promise<LedgerItem[]> {
  const links = await store.listRecords(LEDGERS, { limit: 50 });
  const items = await Promise.all(
    links.map(async (record): Promise<LedgerItem | null> => {
      const state = await stateOf<ReferralContext>(store, record.id);
      if (!state) return null;
      return {
        instanceId: record.id,
        campaignId: record.ref,
        referrer: state.context.initiator,
        referrals: state.context.referrals.filter((r) => r.ledger.length > 0),
      };
    }),
  );
  return items.filter((i): i is LedgerItem => i !== null && i.referrals.length > 0);
}

/** The audit entries a post just made (`<key>-0` … `<key>-<n-1>`), for the notice after its redirect. */
export async function loadNotice(
  { store }: DataSources,
  key: string | null,
  count: number,
): Promise<AuditEntry[]> {
  if (key === null || !/^[A-Za-z0-9_-]{8,40}$/.test(key)) return [];
  const n = Math.max(0, Math.min(count, 100));
  const records = await Promise.all(
    Array.from({ length: n }, (_, i) => store.getRecord(AUDIT, `${key}-${i}`)),
  );
  return records.flatMap((r) => (r ? [r.data as AuditEntry] : []));
}
