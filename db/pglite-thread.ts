import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Results } from "@electric-sql/pglite";

// The messages between this thread and pglite-worker.ts.
export type StatementOptions = { rowMode: "array" | "object"; identity: number[] };
export type Request = { id: number } & (
  | { op: "query"; tx: number | null; text: string; params: unknown[]; options: StatementOptions }
  | { op: "begin"; tx: number }
  | { op: "end"; tx: number; commit: boolean }
  | { op: "listen"; channel: string }
  | { op: "close" }
);
export type WireError = { name: string; message: string; stack?: string } & Record<string, string | number | boolean | null | undefined>;
export type Reply =
  | { id: number; result: unknown }
  | { id: number; error: WireError }
  | { notify: string; payload: string }
  | { ready: true }
  | { failed: WireError };

/** What drizzle's PGlite driver asks of a client and of a transaction. */
type QueryConfig = { rowMode?: "array" | "object"; parsers?: Record<number, unknown> };
export type PGliteClient = {
  query<T>(text: string, params?: unknown[], config?: QueryConfig): Promise<Results<T>>;
  transaction<T>(fn: (tx: PGliteClient) => Promise<T>): Promise<T>;
};

const WORKER = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "pglite-worker.ts");

/**
 * PGlite (PostgreSQL compiled to WebAssembly) on a thread of its own. Its statements run
 * synchronously: on the server's thread each one would stop every request for as long as it
 * runs, and the server would get one core where PostgreSQL's own process gets another.
 * Here the server goes on answering while the database works. Behaves as PGlite: one
 * statement or one transaction at a time, in the order asked.
 */
export class PGliteThread implements PGliteClient {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly #listeners = new Map<string, Set<() => void>>();
  #nextId = 0;
  #transactionCount = 0;
  #failed: Error | null = null;

  private constructor(worker: Worker) {
    this.#worker = worker;
    // Only a statement under way keeps the process alive, as with PGlite on this thread.
    worker.unref();
    worker.on("message", (reply: Reply) => this.#receive(reply));
    worker.on("error", (err) => this.#fail(err));
    worker.on("exit", (code) => this.#fail(new Error(`The embedded database's thread stopped (exit code ${code}).`)));
  }

  /**
   * Starts the thread and opens the database in `dataDir`, or in memory when null. Every
   * `maintenanceIntervalMs` the thread analyses and vacuums the tables that changed enough
   * (see pglite-worker.ts); 0 turns that off.
   */
  static open(dataDir: string | null, { maintenanceIntervalMs = 15_000 } = {}): Promise<PGliteThread> {
    // tsx runs the worker's TypeScript, as it runs the CLI and the server.
    const boot = `import("tsx/esm/api").then((tsx) => tsx.tsImport(${JSON.stringify(pathToFileURL(WORKER).href)}, __filename))`;
    const worker = new Worker(boot, { eval: true, workerData: { dataDir, maintenanceIntervalMs } });
    return new Promise((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      worker.once("error", onError);
      worker.once("message", (reply: Reply) => {
        worker.off("error", onError);
        if ("ready" in reply) resolve(new PGliteThread(worker));
        else {
          void worker.terminate();
          reject(toError("failed" in reply ? reply.failed : { name: "Error", message: "The embedded database did not start." }));
        }
      });
    });
  }

  query<T>(text: string, params: unknown[] = [], config?: QueryConfig): Promise<Results<T>> {
    return this.#query(null, text, params, config);
  }

  async transaction<T>(fn: (tx: PGliteClient) => Promise<T>): Promise<T> {
    const id = ++this.#transactionCount;
    // Not awaited: the first statement follows at once and waits for BEGIN on the thread, which
    // saves a round trip while the transaction holds the database.
    const begun = this.#call({ op: "begin", tx: id });
    begun.catch(() => {});
    const tx: PGliteClient = {
      query: (text, params = [], config) => this.#query(id, text, params, config),
      transaction: () => Promise.reject(new Error("Nested transactions are savepoints: drizzle opens them itself.")),
    };
    let result: T;
    try {
      result = await fn(tx);
      await begun;
    } catch (err) {
      await this.#call({ op: "end", tx: id, commit: false });
      throw err;
    }
    await this.#call({ op: "end", tx: id, commit: true });
    return result;
  }

  /** Calls `fn` on every NOTIFY on `channel`. */
  async listen(channel: string, fn: () => void): Promise<void> {
    let set = this.#listeners.get(channel);
    if (!set) {
      this.#listeners.set(channel, (set = new Set()));
      await this.#call({ op: "listen", channel });
    }
    set.add(fn);
  }

  async close(): Promise<void> {
    if (this.#failed) return;
    await this.#call({ op: "close" });
    this.#failed = new Error("The embedded database is closed.");
    await this.#worker.terminate();
  }

  #query<T>(tx: number | null, text: string, params: unknown[], config: QueryConfig | undefined): Promise<Results<T>> {
    const options: StatementOptions = {
      rowMode: config?.rowMode ?? "object",
      // drizzle's parsers only keep some types as PostgreSQL's text; functions cannot cross threads.
      identity: Object.keys(config?.parsers ?? {}).map(Number),
    };
    return this.#call({ op: "query", tx, text, params, options }) as Promise<Results<T>>;
  }

  #call(req: DistributiveOmit<Request, "id">): Promise<unknown> {
    if (this.#failed) return Promise.reject(this.#failed);
    const id = ++this.#nextId;
    if (this.#pending.size === 0) this.#worker.ref();
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...req, id });
    });
  }

  #receive(reply: Reply) {
    if ("notify" in reply) {
      this.#listeners.get(reply.notify)?.forEach((fn) => queueMicrotask(fn));
      return;
    }
    if (!("id" in reply)) return;
    const call = this.#pending.get(reply.id);
    if (!call) return;
    this.#pending.delete(reply.id);
    if (this.#pending.size === 0) this.#worker.unref();
    if ("error" in reply) call.reject(toError(reply.error));
    else call.resolve(reply.result);
  }

  #fail(err: Error) {
    this.#failed ??= err;
    for (const call of this.#pending.values()) call.reject(err);
    this.#pending.clear();
  }
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

/** The database's error with its fields (code, detail, constraint…), as PGlite throws it. */
function toError(wire: WireError): Error {
  const { name, message, stack, ...fields } = wire;
  const err = Object.assign(new Error(message), fields);
  err.name = name;
  if (stack) err.stack = stack;
  return err;
}
