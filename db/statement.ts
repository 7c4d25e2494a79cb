import { sql, type Query, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Database } from "./client";

/** A value of a statement built once: `param("name")` in its SQL, `{ name: value }` when it runs. */
export const param = (name: string) => sql.placeholder(name);

// Kassa's databases use drizzle's default dialect (no casing option): its SQL is the same for all.
const dialect = new PgDialect();

/**
 * A statement whose SQL drizzle builds once, with `param()`s where its values go, and that
 * then runs with new values. For the large statements of the hot paths (create, an event):
 * building one from its many parts took drizzle longer than PostgreSQL took to run it. Runs on
 * a database or a transaction alike; what it answers is the driver's rows (see rowsOf).
 */
export function statement<V extends Record<string, unknown>>(build: () => SQL) {
  let query: Query | undefined;
  return (db: Database, values: V): Promise<unknown> => {
    query ??= dialect.sqlToQuery(build());
    return db._.session.prepareQuery(query, undefined, undefined, false).execute(values);
  };
}
