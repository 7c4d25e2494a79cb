// The embedded database's own thread (see pglite-thread.ts, which starts it). PostgreSQL in
// WebAssembly runs synchronously: on the server's thread, every statement would stop the
// server from reading requests, parsing JSON and answering for as long as it runs.
import { parentPort, workerData } from "node:worker_threads";
import { parse, PGlite, protocol, type Results } from "@electric-sql/pglite";
import type { Reply, Request, StatementOptions, WireError } from "./pglite-thread";

type BackendMessage = Awaited<ReturnType<PGlite["execProtocolStream"]>>[number];
type Statement = { name: string; paramTypes: number[]; rowDescription: BackendMessage | undefined };

const port = parentPort!;
const { dataDir, maintenanceIntervalMs } = workerData as { dataDir: string | null; maintenanceIntervalMs: number };
const S = protocol.serialize;
// Our statements are a small fixed set; the cap only bounds a caller that inlines values.
const MAX_STATEMENTS = 1000;
const CACHED_PLAN_CHANGED = "0A000";
const TEXT_ROWS: StatementOptions = { rowMode: "object", identity: [] };

// PostgreSQL's default 128 MB of shared buffers live in WebAssembly memory, which never shrinks:
// once the data outgrows them they are all the server's for good (its RSS went from 580 MB to
// 860 MB over 100,000 sessions). A quarter of that keeps the hot pages (the newest sessions and
// the indexes' right edges); older pages come from the files through the operating system's
// page cache, which gives its memory back when others need it.
const SHARED_BUFFERS = "32MB";
const pg = new PGlite({
  ...(dataDir ? { dataDir } : {}),
  startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${SHARED_BUFFERS}`],
});
const statements = new Map<string, Statement>();
let statementCount = 0;
const mergedParsers = new Map<string, typeof pg.parsers>();

/**
 * One statement or one whole transaction at a time, in the order asked, as on PGlite's own
 * queue. Resolves with the function that hands the database on.
 */
let tail: Promise<void> = Promise.resolve();
function turn(): Promise<() => void> {
  let release!: () => void;
  const previous = tail;
  tail = new Promise((resolve) => (release = resolve));
  return previous.then(() => release);
}
/** Open transactions: each resolves with its turn's release once its BEGIN has run. */
const transactions = new Map<number, Promise<() => void>>();

async function inTurn<T>(fn: () => Promise<T>): Promise<T> {
  const release = await turn();
  try {
    return await fn();
  } finally {
    release();
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * One exchange with the engine at a time: PGlite keeps the messages of the exchange under way
 * on the instance, and the statements of one transaction may be asked for together.
 */
let exchanging: Promise<unknown> = Promise.resolve();
function exchange(...parts: Uint8Array[]): Promise<BackendMessage[]> {
  const message = concat(parts);
  const done = exchanging.then(() => pg.execProtocolStream(message, { syncToFs: false }));
  exchanging = done.catch(() => {});
  return done;
}

/**
 * Parsed and planned once, like postgres.js's prepared statements on PostgreSQL: from then on a
 * statement is one Bind and Execute, without its text, instead of PGlite's five round trips
 * into the engine (Parse, Describe, Bind, Describe, Execute) with the text parsed every time.
 */
async function prepare(text: string): Promise<Statement> {
  const name = statements.size < MAX_STATEMENTS ? `k${++statementCount}` : "";
  const described = await exchange(S.parse({ name, text }), S.describe({ type: "S", name }), S.sync());
  const statement = {
    name,
    paramTypes: parse.parseDescribeStatementResults(described),
    rowDescription: described.find((m) => m.name === "rowDescription"),
  };
  if (name) statements.set(text, statement);
  return statement;
}

async function execute(statement: Statement, params: unknown[], options: StatementOptions): Promise<Results> {
  const values = params.map((param, i) => {
    if (param === null || param === undefined) return null;
    const serialize = pg.serializers[statement.paramTypes[i]!];
    return serialize ? serialize(param) : String(param);
  });
  const messages = await exchange(S.bind({ statement: statement.name, values }), S.execute({}), S.sync());
  if (statement.rowDescription) messages.unshift(statement.rowDescription);
  return parse.parseResults(messages, parsersFor(options.identity), { rowMode: options.rowMode })[0]!;
}

/**
 * PGlite's parsers, but those drizzle asks to keep as PostgreSQL's text (timestamps, dates,
 * intervals). Merged once: PGlite would copy its few hundred parsers for every statement.
 */
function parsersFor(identity: number[]): typeof pg.parsers {
  if (identity.length === 0) return pg.parsers;
  const key = identity.join(",");
  let parsers = mergedParsers.get(key);
  if (!parsers) {
    parsers = { ...pg.parsers, ...Object.fromEntries(identity.map((oid) => [oid, (v: string) => v])) };
    mergedParsers.set(key, parsers);
  }
  return parsers;
}

async function run(text: string, params: unknown[], options: StatementOptions): Promise<Results> {
  const cached = statements.get(text);
  try {
    return await execute(cached ?? (await prepare(text)), params, options);
  } catch (err) {
    // A migration changed a table under a plan made before it: plan the statement anew.
    if (!cached || (err as { code?: string }).code !== CACHED_PLAN_CHANGED) throw err;
    statements.delete(text);
    await exchange(S.close({ type: "S", name: cached.name }), S.sync());
    return execute(await prepare(text), params, options);
  }
}

async function handle(req: Request): Promise<unknown> {
  switch (req.op) {
    case "query": {
      if (req.tx !== null) {
        const begun = transactions.get(req.tx);
        if (!begun) throw new Error("This transaction has ended.");
        await begun;
        return run(req.text, req.params, req.options);
      }
      return inTurn(async () => {
        const result = await run(req.text, req.params, req.options);
        await pg.syncToFs();
        return result;
      });
    }
    case "begin": {
      // The transaction's first statement is sent right behind this, without waiting for the
      // answer: it waits here instead, so that it runs as soon as the turn comes.
      const begun = turn().then(async (release) => {
        try {
          await run("begin", [], TEXT_ROWS);
          return release;
        } catch (err) {
          release();
          throw err;
        }
      });
      transactions.set(req.tx, begun);
      await begun;
      return null;
    }
    case "end": {
      const begun = transactions.get(req.tx);
      if (!begun) throw new Error("This transaction has ended.");
      transactions.delete(req.tx);
      // A BEGIN that failed has released the turn and left nothing to end.
      const release = await begun.catch(() => null);
      if (!release) return null;
      try {
        await run(req.commit ? "commit" : "rollback", [], TEXT_ROWS);
        await pg.syncToFs();
        return null;
      } finally {
        release();
      }
    }
    case "listen":
      await inTurn(() => pg.listen(req.channel, (payload) => port.postMessage({ notify: req.channel, payload } satisfies Reply)));
      return null;
    case "close":
      return inTurn(() => pg.close());
  }
}

/** A database error as plain fields: what PGlite's error carries, but never the parameters. */
function wireError(err: unknown): WireError {
  if (!(err instanceof Error)) return { name: "Error", message: String(err) };
  const fields: WireError = { name: err.name, message: err.message, stack: err.stack };
  for (const [k, v] of Object.entries(err)) {
    if (k === "params" || k === "queryParams") continue;
    if (v === undefined || typeof v === "function" || (typeof v === "object" && v !== null)) continue;
    fields[k] = v as string | number | boolean | null;
  }
  return fields;
}

port.on("message", (req: Request) => {
  handle(req).then(
    (result) => {
      try {
        port.postMessage({ id: req.id, result } satisfies Reply);
      } catch (err) {
        // A value that cannot cross threads: the caller gets the error, not silence.
        port.postMessage({ id: req.id, error: wireError(err) } satisfies Reply);
      }
    },
    (err) => port.postMessage({ id: req.id, error: wireError(err) } satisfies Reply),
  );
});

/**
 * PostgreSQL's autovacuum, which the single-user engine does not have. Without it the planner
 * keeps the row counts a table had when it was empty: our prepared statements then keep
 * plans made for a handful of rows (a list that sorts every session of a merchant, an event
 * list that walks the whole table backwards), and each request grows slower as the data
 * grows. With autovacuum's own thresholds, a table whose changes since its last ANALYZE
 * exceed 50 rows + 10% of it is analysed (which also makes the prepared plans anew), and one
 * with dead rows over 50 + 20% is vacuumed so its space is used again. Runs in its own turn,
 * between transactions, and only when something changed.
 */
const DUE = `
  select s.relname as table,
         s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0) as analyze,
         s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0) as vacuum
    from pg_stat_user_tables s join pg_class c on c.oid = s.relid
   where s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)
      or s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0)`;

async function maintain(): Promise<void> {
  const due = await inTurn(() => run(DUE, [], TEXT_ROWS));
  for (const row of due.rows as { table: string; analyze: boolean; vacuum: boolean }[]) {
    const table = `"${row.table.replaceAll('"', '""')}"`;
    await inTurn(async () => {
      // VACUUM cannot be prepared; the simple query protocol runs it.
      await pg.exec(row.vacuum ? `vacuum (analyze) ${table}` : `analyze ${table}`);
      await pg.syncToFs();
    });
  }
}

function scheduleMaintenance(): void {
  if (!(maintenanceIntervalMs > 0)) return;
  const timer = setTimeout(() => {
    maintain().then(scheduleMaintenance, (err) => {
      process.stderr.write(`${JSON.stringify({ level: 50, msg: "embedded database maintenance failed", err: wireError(err).message })}\n`);
      scheduleMaintenance();
    });
  }, maintenanceIntervalMs);
  // Maintenance alone never keeps the process alive.
  timer.unref();
}

pg.waitReady.then(
  () => {
    scheduleMaintenance();
    port.postMessage({ ready: true } satisfies Reply);
  },
  (err) => port.postMessage({ failed: wireError(err) } satisfies Reply),
);
