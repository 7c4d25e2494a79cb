import fs from "node:fs";
import path from "node:path";
import { openDatabase, type Database, type DatabaseHandle } from "@/db/client";
import { env } from "@/lib/env";
import { processState } from "@/lib/process-state";

const db = processState<Promise<DatabaseHandle>>("db");

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ env().KASSA_DATA_DIR ?? ".data");
}

/**
 * The process's database, opened and migrated once. It is process state (lib/process-state.ts):
 * the proxy, the route handlers and instrumentation are bundled apart and must share one
 * PGlite, which cannot be opened twice.
 */
export function databaseHandle(): Promise<DatabaseHandle> {
  db.value ??= (async () => {
    const url = env().DATABASE_URL;
    if (!url) claimDataDir(dataDir());
    return openDatabase({ url, dataDir: dataDir() });
  })().catch((err) => {
    db.value = undefined;
    throw err;
  });
  return db.value;
}

export async function getDb(): Promise<Database> {
  return (await databaseHandle()).db;
}

const PID_FILE = "kassa.pid";

/** Pid of a live process holding the embedded database in `dir`, or null. */
export function dataDirHolder(dir: string): number | null {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(dir, PID_FILE), "utf8").trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (err) {
    // EPERM means the process exists but belongs to someone else: still held.
    return (err as NodeJS.ErrnoException).code === "EPERM" ? pid : null;
  }
}

/** PGlite is single-process: a second opener would corrupt the files, so hold a pid file. */
export function claimDataDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const holder = dataDirHolder(dir);
  if (holder !== null && holder !== process.pid) {
    throw new Error(
      `The embedded database in ${dir} is in use by another Kassa process (pid ${holder}). ` +
        `Stop it first, or set DATABASE_URL=postgres://… to share a PostgreSQL database.`,
    );
  }
  const file = path.join(dir, PID_FILE);
  fs.writeFileSync(file, String(process.pid));
  process.once("exit", () => {
    try {
      if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.unlinkSync(file);
    } catch {
      // already gone
    }
  });
}
