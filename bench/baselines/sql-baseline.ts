import type { Baseline, Outcome } from './baseline.js';

/** A query runner: `name` lets a driver prepare the statement once per connection (pg's named statements). */
export interface SqlRunner {
  query<Row>(name: string, text: string, params?: readonly unknown[]): Promise<Row[]>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

const SCHEMA = (s: string) => `
CREATE SCHEMA IF NOT EXISTS "${s}";
CREATE TABLE "${s}".bargain (
  id text PRIMARY KEY, campaign text NOT NULL, initiator text NOT NULL, price int NOT NULL,
  helps int NOT NULL DEFAULT 0, state text NOT NULL DEFAULT 'cutting', due_at bigint NOT NULL,
  UNIQUE (campaign, initiator));
CREATE INDEX ON "${s}".bargain (due_at) WHERE state = 'cutting';
CREATE TABLE "${s}".help (
  instance_id text NOT NULL, helper text NOT NULL, event_id text NOT NULL, cut int NOT NULL,
  PRIMARY KEY (instance_id, helper));
CREATE TABLE "${s}".stock (campaign text PRIMARY KEY, remaining int NOT NULL CHECK (remaining >= 0));
CREATE TABLE "${s}".share (id text PRIMARY KEY, claims int NOT NULL, cap int NOT NULL);
CREATE TABLE "${s}".claim (
  campaign text NOT NULL, user_id text NOT NULL, share_id text NOT NULL, event_id text NOT NULL,
  PRIMARY KEY (campaign, user_id));
`;

/**
 * One help = one statement. The bargain row is locked (FOR UPDATE re-reads the newest price and helps after the
 * wait), the cut is drawn from it as the engine's uniform strategy draws it, the help row's primary key makes a
 * second help by the same friend a no-op, and the bargain is updated only when the help row went in. The last
 * SELECT tells a retry of the same event (duplicate) from a second help with another event id (rejected).
 */
const HELP = (s: string) => `
WITH b AS (
  SELECT id, price, helps FROM "${s}".bargain WHERE id = $1 AND state = 'cutting' AND due_at > $4 FOR UPDATE
), w AS (
  SELECT id, price - $6 AS r, $5 - helps - 1 AS l,
    greatest($7, price - $6 - ($5 - helps - 1) * $8) AS lo,
    least($8, price - $6 - ($5 - helps - 1) * $7) AS hi FROM b
), ins AS (
  INSERT INTO "${s}".help (instance_id, helper, event_id, cut)
  SELECT id, $2, $3, CASE WHEN l = 0 THEN r ELSE least(hi, lo + floor(random() * (hi - lo + 1))::int) END FROM w
  ON CONFLICT (instance_id, helper) DO NOTHING RETURNING cut
), upd AS (
  UPDATE "${s}".bargain SET price = price - ins.cut, helps = helps + 1,
    state = CASE WHEN helps + 1 = $5 THEN 'purchasable' ELSE state END
  FROM ins WHERE bargain.id = $1 RETURNING bargain.price
)
SELECT (SELECT price FROM upd) AS price,
  (SELECT event_id FROM "${s}".help WHERE instance_id = $1 AND helper = $2) AS prior`;

/**
 * One claim = one statement: the campaign's stock row and the share row are locked (and re-read) first, the claim
 * row goes in only while both have room, its primary key (campaign, user) is the per-user quota, and both counters
 * move only when the claim row went in.
 */
const CLAIM = (s: string) => `
WITH st AS (
  SELECT campaign FROM "${s}".stock WHERE campaign = $1 AND remaining > 0 FOR UPDATE
), sh AS (
  SELECT id FROM "${s}".share WHERE id = $2 AND claims < cap FOR UPDATE
), ins AS (
  INSERT INTO "${s}".claim (campaign, user_id, share_id, event_id) SELECT $1, $3, $2, $4 FROM st, sh
  ON CONFLICT (campaign, user_id) DO NOTHING RETURNING 1
), down AS (
  UPDATE "${s}".stock SET remaining = remaining - 1 WHERE campaign = $1 AND EXISTS (SELECT 1 FROM ins) RETURNING 1
), up AS (
  UPDATE "${s}".share SET claims = claims + 1 WHERE id = $2 AND EXISTS (SELECT 1 FROM ins) RETURNING 1
)
SELECT (SELECT count(*) FROM down) + (SELECT count(*) FROM up) AS moved,
  (SELECT event_id FROM "${s}".claim WHERE campaign = $1 AND user_id = $3) AS prior`;

/** A start: one insert; the (campaign, initiator) key is the one-launch-per-user rule. */
const START = (s: string) => `
INSERT INTO "${s}".bargain (id, campaign, initiator, price, due_at) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT DO NOTHING`;

/** The sweeper: one statement expires the next `limit` due bargains (a partial index holds only cutting ones). */
const SWEEP = (s: string) => `
UPDATE "${s}".bargain SET state = 'expired' WHERE id IN (
  SELECT id FROM "${s}".bargain WHERE state = 'cutting' AND due_at <= $1 AND campaign = $2
  ORDER BY due_at LIMIT $3 FOR UPDATE SKIP LOCKED) RETURNING id`;

/**
 * PostgreSQL or PGlite by hand: one statement per operation, prepared once per connection, on a pool of the same
 * size as the engine's store (PGlite: its one connection).
 */
export async function sqlBaseline(run: SqlRunner, schema: string, describe: string): Promise<Baseline> {
  await run.exec(SCHEMA(schema));
  const q = <Row>(name: string, text: string, params: readonly unknown[]) =>
    run.query<Row>(`${schema}_${name}`, text, params);
  const help = HELP(schema);
  const claim = CLAIM(schema);
  const start = START(schema);
  const sweep = SWEEP(schema);
  return {
    describe,
    async start(campaign, id, initiator, now, terms) {
      const rows = await q<never>('start', `${start} RETURNING 1`, [
        id,
        campaign,
        initiator,
        terms.price,
        now + terms.limitMs,
      ]);
      return rows.length === 1 ? 'applied' : 'rejected';
    },
    async help(_campaign, id, helper, eventId, now, terms): Promise<Outcome> {
      const [row] = await q<{ price: number | null; prior: string | null }>('help', help, [
        id,
        helper,
        eventId,
        now,
        terms.helpersToFloor,
        terms.floor,
        terms.min,
        terms.max,
      ]);
      if (row?.price !== null && row?.price !== undefined) return 'applied';
      return row?.prior === eventId ? 'duplicate' : 'rejected';
    },
    async openStock(campaign, stock, shares, perShare) {
      await q('stock', `INSERT INTO "${schema}".stock VALUES ($1, $2)`, [campaign, stock]);
      await q('shares', `INSERT INTO "${schema}".share SELECT unnest($1::text[]), 0, $2`, [shares, perShare]);
    },
    async claim(campaign, share, user, eventId) {
      const [row] = await q<{ moved: string | number; prior: string | null }>('claim', claim, [
        campaign,
        share,
        user,
        eventId,
      ]);
      if (Number(row?.moved) === 2) return 'applied';
      return row?.prior === eventId ? 'duplicate' : 'rejected';
    },
    async sweep(campaign, now, limit) {
      return (await q('sweep', sweep, [now, campaign, limit])).length;
    },
    async read(_campaign, ids) {
      const rows = await q<{ id: string; helps: number; price: number; state: string }>(
        'read',
        `SELECT id, helps, price, state FROM "${schema}".bargain WHERE id = ANY($1::text[])`,
        [ids],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    async stockLeft(campaign) {
      const [row] = await q<{ remaining: number }>(
        'left',
        `SELECT remaining FROM "${schema}".stock WHERE campaign = $1`,
        [campaign],
      );
      return row?.remaining ?? 0;
    },
    bytes: () => schemaBytes(run, schema),
    async dispose() {
      await run.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await run.close();
    },
  };
}

/** Tables, indexes and TOAST of one schema, in bytes (`pg_total_relation_size` of each table). */
export async function schemaBytes(run: SqlRunner, schema: string): Promise<number> {
  const [row] = await run.query<{ bytes: string }>(
    `bytes_${schema}`,
    `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS bytes FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`,
    [schema],
  );
  return Number(row?.bytes ?? 0);
}
