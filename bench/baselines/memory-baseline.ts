import { type BargainTerms, type Baseline, cutOf, type Outcome } from './baseline.js';

interface Bargain {
  price: number;
  helps: number;
  state: string;
  readonly due: number;
  /** helper → the event id of their help. */
  readonly helpers: Map<string, string>;
}

/**
 * Maps in the process. Each operation's read-check-write runs with no `await` inside it, so Node's event loop is
 * the lock: cheaper than any mutex, and exactly as safe in one process. Operations are `async` because callers
 * await them as they await the engine.
 */
export function memoryBaseline(): Baseline {
  const bargains = new Map<string, Bargain>();
  const launches = new Map<string, string>();
  const deadlines: { due: number; key: string }[] = [];
  let sorted = true;
  let head = 0;
  const stock = new Map<string, number>();
  const shares = new Map<string, { claims: number; readonly cap: number }>();
  const claims = new Map<string, string>();
  return {
    describe: 'Maps in the process, one synchronous read-check-write per operation',
    async start(campaign, id, initiator, now, terms) {
      const launchKey = `${campaign}\u0000${initiator}`;
      const prior = launches.get(launchKey);
      if (prior !== undefined) return prior === id ? 'duplicate' : 'rejected';
      launches.set(launchKey, id);
      const key = `${campaign}\u0000${id}`;
      const due = now + terms.limitMs;
      bargains.set(key, { price: terms.price, helps: 0, state: 'cutting', due, helpers: new Map() });
      if (deadlines.length && (deadlines[deadlines.length - 1] as { due: number }).due > due) sorted = false;
      deadlines.push({ due, key });
      return 'applied';
    },
    async help(campaign, id, helper, eventId, now, terms: BargainTerms): Promise<Outcome> {
      const b = bargains.get(`${campaign}\u0000${id}`);
      if (!b) return 'rejected';
      const prior = b.helpers.get(helper);
      if (prior !== undefined) return prior === eventId ? 'duplicate' : 'rejected';
      if (b.state !== 'cutting' || b.due <= now) return 'rejected';
      b.price -= cutOf(terms, b.price, b.helps, Math.random());
      b.helps++;
      b.helpers.set(helper, eventId);
      if (b.helps === terms.helpersToFloor) b.state = 'purchasable';
      return 'applied';
    },
    async openStock(campaign, units, ids, perShare) {
      stock.set(campaign, units);
      for (const s of ids) shares.set(`${campaign}\u0000${s}`, { claims: 0, cap: perShare });
    },
    async claim(campaign, share, user, eventId) {
      const userKey = `${campaign}\u0000${user}`;
      const prior = claims.get(userKey);
      if (prior !== undefined) return prior === eventId ? 'duplicate' : 'rejected';
      const left = stock.get(campaign) ?? 0;
      const s = shares.get(`${campaign}\u0000${share}`);
      if (left <= 0 || !s || s.claims >= s.cap) return 'rejected';
      stock.set(campaign, left - 1);
      s.claims++;
      claims.set(userKey, eventId);
      return 'applied';
    },
    async sweep(_campaign, now, limit) {
      if (!sorted) {
        deadlines.splice(0, head);
        head = 0;
        deadlines.sort((a, b) => a.due - b.due);
        sorted = true;
      }
      let n = 0;
      while (n < limit && head < deadlines.length && (deadlines[head] as { due: number }).due <= now) {
        const { key } = deadlines[head++] as { key: string };
        const b = bargains.get(key);
        if (b?.state === 'cutting') b.state = 'expired';
        n++;
      }
      return n;
    },
    async read(campaign, ids) {
      return ids.map((id) => {
        const b = bargains.get(`${campaign}\u0000${id}`);
        return b ? { helps: b.helps, price: b.price, state: b.state } : null;
      });
    },
    async stockLeft(campaign) {
      return stock.get(campaign) ?? 0;
    },
    async bytes() {
      return null;
    },
    async dispose() {},
  };
}
