import fs from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { is } from "drizzle-orm";
import { PgTransaction, type PgDatabase, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { PGliteThread } from "./pglite-thread";
import * as schema from "./schema";

/** One type for PGlite, PostgreSQL and a transaction on either, so queries run in all three. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/**
 * Runs `fn` in a transaction, joining the caller's when there is one rather than opening a
 * savepoint (two round trips saved). Only for work that throws before it writes: a savepoint
 * is what would undo a partial write when the caller catches the error and commits.
 * `is`, not `instanceof`: the production server loads drizzle both as Next.js's CommonJS
 * external and as ES modules (lib/server), and a transaction may come from either copy.
 */
export function withTransaction<T>(db: Database, fn: (tx: Database) => Promise<T>): Promise<T> {
  return is(db, PgTransaction) ? fn(db as unknown as Database) : db.transaction((tx) => fn(tx as unknown as Database));
}

/** The rows of `db.execute`: an array from postgres.js, `{ rows }` from PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export type DatabaseHandle = {
  db: Database;
  kind: "pglite" | "postgres";
  /** Where an embedded database lives, or null (memory or PostgreSQL). */
  dataDir: string | null;
  /** Calls `fn` on every NOTIFY on `channel`, from any process on the same database. */
  listen(channel: string, fn: () => void): Promise<void>;
  close(): Promise<void>;
};

export type OpenOptions = {
  url: string | undefined;
  dataDir: string;
  /** Connections per process on PostgreSQL. */
  poolSize?: number;
};

const MIGRATIONS = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");
// Any constant works; it only has to be the same in every instance.
const MIGRATION_LOCK = 727_274_001;

export async function openDatabase(opts: OpenOptions): Promise<DatabaseHandle> {
  const { url } = opts;
  if (url?.startsWith("postgres")) {
    await migrateWithLock(url);
    const client = postgres(url, { max: opts.poolSize ?? 10, onnotice: () => {} });
    return {
      db: drizzlePostgres({ client: client.options.prepare ? preparing(client) : client, schema }) as unknown as Database,
      kind: "postgres",
      dataDir: null,
      listen: async (channel, fn) => void (await client.listen(channel, () => fn())),
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dataDir = url === "memory://" ? null : path.resolve(opts.dataDir);
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGliteThread.open(dataDir);
  // drizzle's PGlite driver only calls query and transaction, which the thread answers alike.
  const db = drizzlePglite({ client: client as unknown as PGlite, schema });
  await migratePglite(db, { migrationsFolder: MIGRATIONS });
  return {
    db: db as unknown as Database,
    kind: "pglite",
    dataDir,
    listen: async (channel, fn) => void (await client.listen(channel, () => fn())),
    close: () => client.close(),
  };
}

/**
 * drizzle sends every query through postgres.js's `unsafe` unprepared, so each one with
 * parameters costs two round trips (Parse and Describe, then Bind and Execute) and is planned
 * anew. Our query texts are a small fixed set: this client prepares each once per connection,
 * as postgres.js does for its own queries, so that it costs one round trip from then on. The
 * transactions and savepoints drizzle opens get the same client. `?prepare=false` in
 * DATABASE_URL (for a pooler in transaction mode) leaves the client as it is.
 */
function preparing(client: postgres.Sql): postgres.Sql {
  return new Proxy(client, {
    get(target, key, receiver) {
      if (key === "unsafe") {
        return (query: string, params?: never[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, params, { ...options, prepare: true });
      }
      if (key === "begin" || key === "savepoint") {
        return (...args: unknown[]) => {
          const fn = args.pop() as (tx: postgres.Sql) => unknown;
          const open = (target as unknown as Record<string, (...a: unknown[]) => unknown>)[key]!;
          return open(...args, (tx: postgres.Sql) => fn(preparing(tx)));
        };
      }
      return Reflect.get(target, key, receiver);
    },
  });
}

/** Several instances may start at once: one migrates while the others wait on the lock. */
async function migrateWithLock(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres({ client }), { migrationsFolder: MIGRATIONS });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}
