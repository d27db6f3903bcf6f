/**
 * The thin driver the SQL store runs on: `pg` against a PostgreSQL server, PGlite embedded. Anything that can
 * run parameterised PostgreSQL can implement it.
 *
 * @example
 * const driver: SqlDriver = pgDriver(new pg.Pool({ connectionString }), true);
 * const rows = (await driver.query('select 1 as one')).rows; // [{ one: 1 }]
 */
export interface SqlDriver {
  /** One parameterised statement. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
  /** A script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}
