import { is } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Database } from "./client";

type Runnable<R> = {
  prepare(name: string): { execute(values: Record<string, unknown>): Promise<R> };
  execute(values: Record<string, unknown>): Promise<R>;
};

/**
 * A hot query (its values as `sql.placeholder`s) built once per database and kept prepared:
 * drizzle takes longer to build a small select than postgres.js takes to run it. Inside a
 * transaction (another client each time) it is built as any query is.
 */
export function prepared<V extends Record<string, unknown>, R>(name: string, build: (db: Database) => Runnable<R>) {
  const byDatabase = new WeakMap<Database, ReturnType<Runnable<R>["prepare"]>>();
  return (db: Database, values: V): Promise<R> => {
    if (is(db, PgTransaction)) return build(db).execute(values);
    let query = byDatabase.get(db);
    if (!query) byDatabase.set(db, (query = build(db).prepare(name)));
    return query.execute(values);
  };
}
