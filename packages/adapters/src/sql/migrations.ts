import type { SqlDriver } from './sql-driver.js';

/** Quotes an SQL identifier. */
export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** How a commit writes its effects: one row each (migration 1) or one row for them all (migration 3). */
const OUTBOX_ROW_PER_EFFECT = (
  s: string,
) => `          INSERT INTO ${s}.outbox (instance_id, type, dedupe_key, payload)
            SELECT p_id, o->>'type', o->>'dedupeKey', o->'payload' FROM jsonb_array_elements(p_outbox) WITH ORDINALITY AS x(o, n)
            ORDER BY n;`;
const OUTBOX_ROW_PER_COMMIT = (
  s: string,
) => `          -- One row per commit, whatever the number of effects: \`entries\` keeps them in order.
          IF jsonb_array_length(p_outbox) > 0 THEN
            INSERT INTO ${s}.outbox (instance_id, type, dedupe_key, payload, entries)
              VALUES (p_id, '', '', 'null'::jsonb, p_outbox);
          END IF;`;

/** Creates the instance at version 1; if it exists already, reads its version and returns (a conflict). */
const createInstance = (s: string, pad: string) =>
  [
    `INSERT INTO ${s}.instances (id, campaign_id, kind, version, snapshot, updated_at)`,
    '  VALUES (p_id, p_campaign, p_kind, 1, p_snapshot, p_now)',
    '  ON CONFLICT (id) DO NOTHING',
    '  RETURNING instances.version INTO version;',
    'IF version IS NULL THEN',
    `  SELECT i.version INTO version FROM ${s}.instances i WHERE i.id = p_id;`,
    '  RETURN;',
    'END IF;',
  ]
    .map((line) => pad + line)
    .join('\n');

/** How a commit finds taken keys: a lookup before writing (migrations 1 and 3) or the unique index itself (4). */
const LOOKUP_THEN_WRITE = (s: string) => `          IF p_expected = 0 THEN
${createInstance(s, '            ')}
          ELSE
            -- Lock the row: concurrent writers of this instance queue here and then see the new version.
            SELECT i.version INTO version FROM ${s}.instances i WHERE i.id = p_id FOR UPDATE;
            IF version IS DISTINCT FROM p_expected THEN RETURN; END IF;
            -- A join over unnest keeps an index lookup per key even under PL/pgSQL's cached generic plan
            -- (\`key = ANY (p_keys)\` degrades to a scan of all the instance's keys).
            SELECT array_agg(DISTINCT k.key) INTO taken
              FROM unnest(p_keys) AS u(key)
              JOIN ${s}.instance_keys k ON k.instance_id = p_id AND k.key = u.key;
            IF taken IS NOT NULL THEN RETURN; END IF;
            UPDATE ${s}.instances i SET version = i.version + 1, snapshot = p_snapshot, updated_at = p_now
              WHERE i.id = p_id
              RETURNING i.version INTO version;
          END IF;
          ok := true;
          -- No ON CONFLICT: the check above ran under the row lock every writer of this instance takes, and the
          -- adapter sends each key once, so a plain insert (much cheaper than speculative insertion) is safe.
          INSERT INTO ${s}.instance_keys (instance_id, key) SELECT p_id, k FROM unnest(p_keys) AS k;`;
const WRITE_UNLESS_TAKEN = (s: string) => `          IF p_expected > 0 THEN
            -- Lock the row: concurrent writers of this instance queue here and then see the new version.
            SELECT i.version INTO version FROM ${s}.instances i WHERE i.id = p_id FOR UPDATE;
            IF version IS DISTINCT FROM p_expected THEN RETURN; END IF;
          END IF;
          -- The keys' unique index is the check: inserting them is the one pass over the index a commit makes (a
          -- lookup first was a second pass, and its plan, cached while the table was empty, scanned). A taken key
          -- undoes this block, and only then are the taken keys looked up.
          BEGIN
            IF p_expected = 0 THEN
${createInstance(s, '              ')}
            ELSE
              UPDATE ${s}.instances i SET version = i.version + 1, snapshot = p_snapshot, updated_at = p_now
                WHERE i.id = p_id
                RETURNING i.version INTO version;
            END IF;
            INSERT INTO ${s}.instance_keys (instance_id, key) SELECT p_id, k FROM unnest(p_keys) AS k;
          EXCEPTION WHEN unique_violation THEN
            version := p_expected;
            SELECT array_agg(DISTINCT k.key) INTO taken
              FROM unnest(p_keys) AS u(key)
              JOIN ${s}.instance_keys k ON k.instance_id = p_id AND k.key = u.key;
            RETURN;
          END;
          ok := true;`;

/**
 * The commit function: version compare-and-set, key check, snapshot, keys, timers and outbox in one call. Migrations
 * 1, 3 and 4 write it with different key checks and outbox statements; the rest is the same text.
 */
function commitInstance(
  s: string,
  create: 'CREATE' | 'CREATE OR REPLACE',
  keys: (s: string) => string,
  outbox: (s: string) => string,
): string {
  return `        -- One call = one atomic commit: version compare-and-set, key check, snapshot, keys, timers, outbox.
        ${create} FUNCTION ${s}.commit_instance(
          p_id text, p_expected bigint, p_campaign text, p_kind text, p_snapshot text, p_now bigint,
          p_keys text[], p_upsert jsonb, p_cancel text[], p_outbox jsonb,
          OUT ok boolean, OUT version bigint, OUT taken text[]
        ) LANGUAGE plpgsql AS $fn$
        BEGIN
          ok := false;
${keys(s)}
          DELETE FROM ${s}.timers t WHERE t.instance_id = p_id AND t.timer_id = ANY (p_cancel);
          INSERT INTO ${s}.timers (instance_id, timer_id, due_at, event)
            SELECT p_id, t->>'timerId', (t->>'dueAt')::bigint, t->'event' FROM jsonb_array_elements(p_upsert) AS t
            ON CONFLICT (instance_id, timer_id)
            DO UPDATE SET due_at = excluded.due_at, event = excluded.event, lease_id = NULL, lease_until = 0;
${outbox(s)}
        END
        $fn$;`;
}

/**
 * Versioned schema migrations. Each runs once, in its own transaction, under an advisory lock, so several
 * processes starting at once apply it exactly once. Append new versions; never edit a released one (migrations.test.ts pins each by hash).
 */
export function migrations(schema: string): { version: number; sql: string }[] {
  const s = ident(schema);
  return [
    {
      version: 1,
      sql: `
        CREATE TABLE ${s}.instances (
          id text PRIMARY KEY,
          campaign_id text NOT NULL,
          kind text NOT NULL,
          version bigint NOT NULL CHECK (version > 0),
          snapshot text NOT NULL,
          updated_at bigint NOT NULL
        );
        CREATE TABLE ${s}.instance_keys (
          instance_id text NOT NULL,
          key text NOT NULL,
          PRIMARY KEY (instance_id, key)
        );
        CREATE TABLE ${s}.timers (
          instance_id text NOT NULL,
          timer_id text NOT NULL,
          due_at bigint NOT NULL,
          event jsonb NOT NULL,
          lease_id text,
          lease_until bigint NOT NULL DEFAULT 0,
          PRIMARY KEY (instance_id, timer_id)
        );
        CREATE INDEX timers_due ON ${s}.timers (due_at);
        CREATE TABLE ${s}.outbox (
          seq bigserial PRIMARY KEY,
          txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
          instance_id text NOT NULL,
          type text NOT NULL,
          dedupe_key text NOT NULL,
          payload jsonb NOT NULL
        );
        CREATE INDEX outbox_order ON ${s}.outbox (txid, seq);
        CREATE TABLE ${s}.counters (
          name text PRIMARY KEY,
          remaining bigint NOT NULL CHECK (remaining >= 0)
        );
        CREATE TABLE ${s}.counter_holders (
          counter text NOT NULL,
          holder text NOT NULL,
          qty bigint NOT NULL,
          PRIMARY KEY (counter, holder)
        );

${commitInstance(s, 'CREATE', LOOKUP_THEN_WRITE, OUTBOX_ROW_PER_EFFECT)}

        -- Decrement-if-available plus a unique holder, in one call.
        CREATE FUNCTION ${s}.reserve(p_counter text, p_holder text, p_qty bigint, p_capacity bigint,
          OUT ok boolean, OUT remaining bigint, OUT duplicate boolean
        ) LANGUAGE plpgsql AS $fn$
        BEGIN
          INSERT INTO ${s}.counters (name, remaining) VALUES (p_counter, p_capacity) ON CONFLICT DO NOTHING;
          INSERT INTO ${s}.counter_holders (counter, holder, qty) VALUES (p_counter, p_holder, p_qty)
            ON CONFLICT DO NOTHING;
          IF NOT FOUND THEN
            ok := true; duplicate := true;
            SELECT c.remaining INTO remaining FROM ${s}.counters c WHERE c.name = p_counter;
            RETURN;
          END IF;
          duplicate := false;
          UPDATE ${s}.counters c SET remaining = c.remaining - p_qty
            WHERE c.name = p_counter AND c.remaining >= p_qty
            RETURNING c.remaining INTO remaining;
          IF remaining IS NULL THEN
            ok := false;
            DELETE FROM ${s}.counter_holders h WHERE h.counter = p_counter AND h.holder = p_holder;
            SELECT c.remaining INTO remaining FROM ${s}.counters c WHERE c.name = p_counter;
          ELSE
            ok := true;
          END IF;
        END
        $fn$;

        CREATE FUNCTION ${s}.release(p_counter text, p_holder text) RETURNS boolean LANGUAGE plpgsql AS $fn$
        DECLARE q bigint;
        BEGIN
          DELETE FROM ${s}.counter_holders h WHERE h.counter = p_counter AND h.holder = p_holder RETURNING h.qty INTO q;
          IF q IS NULL THEN RETURN false; END IF;
          UPDATE ${s}.counters c SET remaining = c.remaining + q WHERE c.name = p_counter;
          RETURN true;
        END
        $fn$;
      `,
    },
    {
      version: 2,
      sql: `
        CREATE TABLE ${s}.score_entries (
          board text NOT NULL,
          member text NOT NULL,
          score bigint NOT NULL,
          reached_at bigint NOT NULL,
          PRIMARY KEY (board, member)
        );
        CREATE INDEX score_order ON ${s}.score_entries (board, score DESC, reached_at, member COLLATE "C");
        CREATE TABLE ${s}.score_keys (board text NOT NULL, key text NOT NULL, PRIMARY KEY (board, key));

        -- Once per key: the key and the increment are written in the same statement.
        CREATE FUNCTION ${s}.increment_score(p_board text, p_member text, p_delta bigint, p_at bigint, p_key text,
          OUT score bigint, OUT reached_at bigint, OUT applied boolean
        ) LANGUAGE plpgsql AS $fn$
        BEGIN
          INSERT INTO ${s}.score_keys (board, key) VALUES (p_board, p_key) ON CONFLICT DO NOTHING;
          applied := FOUND;
          IF applied THEN
            INSERT INTO ${s}.score_entries AS e (board, member, score, reached_at) VALUES (p_board, p_member, p_delta, p_at)
              ON CONFLICT (board, member) DO UPDATE SET score = e.score + excluded.score, reached_at = excluded.reached_at
              RETURNING e.score, e.reached_at INTO score, reached_at;
          ELSE
            SELECT e.score, e.reached_at INTO score, reached_at FROM ${s}.score_entries e WHERE e.board = p_board AND e.member = p_member;
          END IF;
        END
        $fn$;
      `,
    },
    {
      version: 3,
      sql: `
        -- A commit's effects are one outbox row (\`entries\`, in order) instead of one row each: a hot instance's
        -- batch of 64 effects was 64 inserts. Rows written before keep \`entries\` NULL and read as one entry.
        ALTER TABLE ${s}.outbox ADD COLUMN entries jsonb;
${commitInstance(s, 'CREATE OR REPLACE', LOOKUP_THEN_WRITE, OUTBOX_ROW_PER_COMMIT)}
      `,
    },
    {
      version: 4,
      sql: `
${commitInstance(s, 'CREATE OR REPLACE', WRITE_UNLESS_TAKEN, OUTBOX_ROW_PER_COMMIT)}
        -- A commit's effects are compressed as they are written: lz4 where the server has it (faster than the
        -- default pglz), the default otherwise.
        DO $lz4$
        BEGIN
          ALTER TABLE ${s}.outbox ALTER COLUMN entries SET COMPRESSION lz4;
        EXCEPTION WHEN feature_not_supported THEN NULL;
        END
        $lz4$;
      `,
    },
    {
      version: 5,
      sql: `
        -- Holds that a later reservation may take over (\`ReserveMode\`). The four-argument reserve stays for
        -- processes of the previous version.
        ALTER TABLE ${s}.counter_holders ADD COLUMN replaceable boolean NOT NULL DEFAULT false;

        CREATE FUNCTION ${s}.reserve(p_counter text, p_holder text, p_qty bigint, p_capacity bigint, p_mode text,
          p_replacing text, OUT ok boolean, OUT remaining bigint, OUT duplicate boolean, OUT replaced text
        ) LANGUAGE plpgsql AS $fn$
        BEGIN
          INSERT INTO ${s}.counters (name, remaining) VALUES (p_counter, p_capacity) ON CONFLICT DO NOTHING;
          INSERT INTO ${s}.counter_holders (counter, holder, qty, replaceable)
            VALUES (p_counter, p_holder, p_qty, p_mode IN ('replaceable', 'touch'))
            ON CONFLICT DO NOTHING;
          IF NOT FOUND THEN
            -- Held already; a hold or a settle makes one's own replaceable hold final.
            ok := true; duplicate := true;
            IF p_mode NOT IN ('replaceable', 'touch') THEN
              UPDATE ${s}.counter_holders h SET replaceable = false
                WHERE h.counter = p_counter AND h.holder = p_holder AND h.replaceable;
            END IF;
            SELECT c.remaining INTO remaining FROM ${s}.counters c WHERE c.name = p_counter;
            RETURN;
          END IF;
          duplicate := false;
          UPDATE ${s}.counters c SET remaining = c.remaining - p_qty
            WHERE c.name = p_counter AND c.remaining >= p_qty
            RETURNING c.remaining INTO remaining;
          IF remaining IS NOT NULL THEN ok := true; RETURN; END IF;
          ok := false;
          DELETE FROM ${s}.counter_holders h WHERE h.counter = p_counter AND h.holder = p_holder;
          SELECT c.remaining INTO remaining FROM ${s}.counters c WHERE c.name = p_counter;
          -- No room: a replaceable hold is settled where it is, or taken over. The row lock orders racing callers;
          -- each one after the first sees the hold as the one before it left it.
          IF p_mode = 'touch' THEN
            SELECT h.holder INTO replaced FROM ${s}.counter_holders h WHERE h.counter = p_counter AND h.replaceable;
            ok := replaced IS NOT NULL;
          ELSIF p_mode = 'settle' THEN
            UPDATE ${s}.counter_holders h SET replaceable = false WHERE h.counter = p_counter AND h.replaceable;
            IF FOUND THEN ok := true; duplicate := true; END IF;
          ELSIF p_mode = 'replaceable' THEN
            -- Locked first, updated by a second statement: one statement would not see a holder committed while it
            -- waited for the lock.
            SELECT h.holder INTO replaced FROM ${s}.counter_holders h
              WHERE h.counter = p_counter AND h.replaceable AND (p_replacing IS NULL OR h.holder = p_replacing)
              LIMIT 1 FOR UPDATE;
            IF replaced IS NOT NULL THEN
              UPDATE ${s}.counter_holders h SET holder = p_holder WHERE h.counter = p_counter AND h.holder = replaced;
              ok := true;
            END IF;
          END IF;
        END
        $fn$;
      `,
    },
    {
      version: 6,
      sql: `
        -- Durable outbox consumers (\`createConsumer\`): a cursor and a fenced lease per name, and the entries each
        -- gave up on. Dedupe keys sort in code-point order ("C"), the order every store lists dead letters in.
        CREATE TABLE ${s}.consumers (
          name text PRIMARY KEY,
          cursor text,
          owner text,
          lease_until bigint NOT NULL DEFAULT 0,
          fence bigint NOT NULL DEFAULT 0
        );
        CREATE TABLE ${s}.dead_letters (
          consumer text NOT NULL,
          dedupe_key text COLLATE "C" NOT NULL,
          item jsonb NOT NULL,
          error text NOT NULL,
          attempts integer NOT NULL,
          failed_at bigint NOT NULL,
          PRIMARY KEY (consumer, dedupe_key)
        );

        -- Moves the cursor and writes dead letters only while the caller's fence is the consumer's. The row lock
        -- orders it against a lease take-over, so a process taken over never writes after the new owner leased.
        CREATE FUNCTION ${s}.advance_consumer(p_name text, p_fence bigint, p_cursor text, p_dead jsonb)
        RETURNS boolean LANGUAGE plpgsql AS $fn$
        BEGIN
          UPDATE ${s}.consumers c SET cursor = coalesce(p_cursor, c.cursor) WHERE c.name = p_name AND c.fence = p_fence;
          IF NOT FOUND THEN RETURN false; END IF;
          INSERT INTO ${s}.dead_letters AS d (consumer, dedupe_key, item, error, attempts, failed_at)
            SELECT DISTINCT ON (x.l->'item'->>'dedupeKey') p_name, x.l->'item'->>'dedupeKey', x.l->'item', x.l->>'error',
              (x.l->>'attempts')::integer, (x.l->>'failedAt')::bigint
            FROM jsonb_array_elements(p_dead) WITH ORDINALITY AS x(l, n)
            ORDER BY x.l->'item'->>'dedupeKey', x.n DESC
            ON CONFLICT (consumer, dedupe_key) DO UPDATE
              SET item = excluded.item, error = excluded.error, attempts = excluded.attempts, failed_at = excluded.failed_at;
          RETURN true;
        END
        $fn$;
      `,
    },
    {
      version: 7,
      sql: `
        -- Group commit: the batches of several instances in one call and one transaction, each all or nothing on its
        -- own (an exception block per batch) with its own version, key and counter checks. Counter changes (stock,
        -- budget, quotas) happen inside the commit: taken with the events that need them, or not at all.
        CREATE FUNCTION ${s}.commit_many(p_batches jsonb,
          OUT n bigint, OUT ok boolean, OUT version bigint, OUT taken text[], OUT short integer[]
        ) RETURNS SETOF record LANGUAGE plpgsql AS $fn$
        DECLARE
          b jsonb;
          c jsonb;
          v_id text;
          v_expected bigint;
          v_at integer;
          v_qty bigint;
        BEGIN
          -- Every row the call writes under a lock is locked first, in one order (instances by id, then counters by
          -- name), so concurrent group commits never wait on each other in a cycle.
          PERFORM 1 FROM ${s}.instances i
            WHERE i.id IN (SELECT x->>'id' FROM jsonb_array_elements(p_batches) AS x)
            ORDER BY i.id FOR UPDATE;
          INSERT INTO ${s}.counters (name, remaining)
            SELECT DISTINCT ON (ch->>'counter') ch->>'counter', (ch->>'capacity')::bigint
            FROM jsonb_array_elements(p_batches) AS x, jsonb_array_elements(coalesce(x->'counters', '[]')) AS ch
            WHERE ch->>'op' = 'take'
            ORDER BY ch->>'counter'
            ON CONFLICT DO NOTHING;
          PERFORM 1 FROM ${s}.counters k
            WHERE k.name IN (SELECT ch->>'counter' FROM jsonb_array_elements(p_batches) AS x,
              jsonb_array_elements(coalesce(x->'counters', '[]')) AS ch)
            ORDER BY k.name FOR UPDATE;
          FOR b, n IN SELECT x.b, x.n FROM jsonb_array_elements(p_batches) WITH ORDINALITY AS x(b, n) LOOP
            ok := false; version := NULL; taken := NULL; short := NULL;
            v_id := b->>'id';
            v_expected := (b->>'expectedVersion')::bigint;
            IF v_expected > 0 THEN
              SELECT i.version INTO version FROM ${s}.instances i WHERE i.id = v_id;
              IF version IS DISTINCT FROM v_expected THEN RETURN NEXT; CONTINUE; END IF;
            END IF;
            BEGIN
              IF v_expected = 0 THEN
                INSERT INTO ${s}.instances (id, campaign_id, kind, version, snapshot, updated_at)
                  VALUES (v_id, b->>'campaignId', b->>'kind', 1, b->>'snapshot', (b->>'now')::bigint)
                  ON CONFLICT (id) DO NOTHING
                  RETURNING instances.version INTO version;
                IF version IS NULL THEN
                  SELECT i.version INTO version FROM ${s}.instances i WHERE i.id = v_id;
                  RAISE EXCEPTION USING ERRCODE = 'LB001';
                END IF;
              ELSE
                UPDATE ${s}.instances i SET version = i.version + 1, snapshot = b->>'snapshot',
                  updated_at = (b->>'now')::bigint
                  WHERE i.id = v_id
                  RETURNING i.version INTO version;
              END IF;
              -- The keys' unique index is the key check: a taken key undoes this block.
              INSERT INTO ${s}.instance_keys (instance_id, key)
                SELECT v_id, k FROM jsonb_array_elements_text(b->'keys') AS k;
              v_at := 0;
              FOR c IN SELECT ch FROM jsonb_array_elements(coalesce(b->'counters', '[]')) AS ch LOOP
                IF c->>'op' = 'take' THEN
                  INSERT INTO ${s}.counter_holders (counter, holder, qty)
                    VALUES (c->>'counter', c->>'holder', (c->>'qty')::bigint) ON CONFLICT DO NOTHING;
                  IF FOUND THEN
                    UPDATE ${s}.counters k SET remaining = k.remaining - (c->>'qty')::bigint
                      WHERE k.name = c->>'counter' AND k.remaining >= (c->>'qty')::bigint;
                    IF NOT FOUND THEN
                      DELETE FROM ${s}.counter_holders h WHERE h.counter = c->>'counter' AND h.holder = c->>'holder';
                      short := array_append(short, v_at);
                    END IF;
                  END IF;
                ELSE
                  DELETE FROM ${s}.counter_holders h WHERE h.counter = c->>'counter' AND h.holder = c->>'holder'
                    RETURNING h.qty INTO v_qty;
                  IF FOUND THEN
                    UPDATE ${s}.counters k SET remaining = k.remaining + v_qty WHERE k.name = c->>'counter';
                  END IF;
                END IF;
                v_at := v_at + 1;
              END LOOP;
              IF short IS NOT NULL THEN RAISE EXCEPTION USING ERRCODE = 'LB002'; END IF;
            EXCEPTION
              WHEN unique_violation THEN
                version := v_expected;
                SELECT array_agg(DISTINCT k.key) INTO taken
                  FROM jsonb_array_elements_text(b->'keys') AS u(key)
                  JOIN ${s}.instance_keys k ON k.instance_id = v_id AND k.key = u.key;
                RETURN NEXT;
                CONTINUE;
              WHEN SQLSTATE 'LB001' THEN
                RETURN NEXT;
                CONTINUE;
              WHEN SQLSTATE 'LB002' THEN
                version := v_expected;
                RETURN NEXT;
                CONTINUE;
            END;
            DELETE FROM ${s}.timers t
              WHERE t.instance_id = v_id AND t.timer_id IN (SELECT jsonb_array_elements_text(b->'cancel'));
            INSERT INTO ${s}.timers (instance_id, timer_id, due_at, event)
              SELECT v_id, t->>'timerId', (t->>'dueAt')::bigint, t->'event' FROM jsonb_array_elements(b->'upsert') AS t
              ON CONFLICT (instance_id, timer_id)
              DO UPDATE SET due_at = excluded.due_at, event = excluded.event, lease_id = NULL, lease_until = 0;
            -- One row per commit, whatever the number of effects: \`entries\` keeps them in order.
            IF jsonb_array_length(b->'outbox') > 0 THEN
              INSERT INTO ${s}.outbox (instance_id, type, dedupe_key, payload, entries)
                VALUES (v_id, '', '', 'null'::jsonb, b->'outbox');
            END IF;
            ok := true;
            RETURN NEXT;
          END LOOP;
        END
        $fn$;
      `,
    },
  ];
}

/**
 * Applies every migration not yet applied, in one transaction under an advisory lock, so several processes
 * starting at once apply each exactly once. Returns the schema version.
 */
export async function migrate(driver: SqlDriver, schema: string): Promise<number> {
  const s = ident(schema);
  const steps = migrations(schema).map(
    (m) => `
      DO $m${m.version}$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM ${s}.schema_migrations WHERE version = ${m.version}) THEN
          EXECUTE ${quoteLiteral(m.sql)};
          INSERT INTO ${s}.schema_migrations (version) VALUES (${m.version});
        END IF;
      END
      $m${m.version}$;`,
  );
  await driver.exec(`
    BEGIN;
    SELECT pg_advisory_xact_lock(hashtext(${quoteLiteral(`liebian-migrate:${schema}`)}));
    CREATE SCHEMA IF NOT EXISTS ${s};
    CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
    ${steps.join('\n')}
    COMMIT;
  `);
  const { rows } = await driver.query<{ version: number | string }>(
    `SELECT max(version) AS version FROM ${s}.schema_migrations`,
  );
  return Number(rows[0]?.version ?? 0);
}

function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
