// Starts real Kassa server processes for the integration and browser tests: a production
// server (the build, served as `npm start` serves it) on a fresh PGlite folder or a fresh PostgreSQL database.
import { spawn, execFile, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";

const ROOT = path.resolve(__dirname, "../..");
const run = promisify(execFile);

/** The node flags `npm start` gives the server (package.json holds them, once). */
function startFlags(): string[] {
  const start = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts.start as string;
  const flags = /\bnode (.*?)lib\/server\/main\.ts/.exec(start)?.[1];
  if (flags === undefined) throw new Error(`package.json's start script does not run lib/server/main.ts: ${start}`);
  return flags.split(/\s+/).filter(Boolean);
}

/** PostgreSQL installs must set KASSA_SECRET; the CLI and the server share it (it seals provider credentials). */
const TEST_SECRET = "test-only-secret-0123456789abcdefghij";

export type Database = { url: string | undefined; dataDir: string; drop(): Promise<void> };

/** A database no other run shares: a new PostgreSQL database, or a new PGlite folder. */
export async function freshDatabase(kind: "postgres" | "pglite" = process.env.TEST_DATABASE_URL ? "postgres" : "pglite"): Promise<Database> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kassa-test-"));
  if (kind === "pglite") {
    return { url: undefined, dataDir, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error("TEST_DATABASE_URL is not set");
  const name = `kassa_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const sql = postgres(admin, { max: 1, onnotice: () => {} });
  await sql.unsafe(`create database ${name}`);
  await sql.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dataDir,
    drop: async () => {
      const s = postgres(admin, { max: 1, onnotice: () => {} });
      await s.unsafe(`drop database if exists ${name} with (force)`);
      await s.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function dbEnv(db: Pick<Database, "url" | "dataDir">): Record<string, string> {
  return db.url ? { DATABASE_URL: db.url } : { DATABASE_URL: "", KASSA_DATA_DIR: db.dataDir };
}

/** Runs the operator CLI against a database; resolves with its stdout, rejects with its stderr. */
export async function cli(db: Pick<Database, "url" | "dataDir">, args: string[], env: Record<string, string> = {}) {
  return run(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "lib/cli/main.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, ...(db.url ? { KASSA_SECRET: TEST_SECRET } : {}), ...dbEnv(db), ...env },
  });
}

export type MerchantKeys = { id: string; name: string; testKey: string; liveKey: string };

export async function createMerchantViaCli(db: Database, name: string, extra: string[] = []): Promise<MerchantKeys> {
  const { stdout } = await cli(db, ["merchant", "create", "--name", name, "--json", ...extra]);
  return JSON.parse(stdout) as MerchantKeys;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export type Server = {
  url: string;
  port: number;
  pid: number;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
};

/** The production server (`npm start` without the build) on a free port, ready once /api/health answers 200. */
export async function startServer(
  db: Pick<Database, "url" | "dataDir">,
  env: Record<string, string> = {},
  opts: {
    logFile?: string;
    /**
     * The server writes its output straight into this file, as into a journal, instead of a
     * pipe this process reads: under load (a benchmark driving it from this process) a pipe
     * read late fills, and the server's log writes wait on it.
     */
    directLog?: string;
    nodeArgs?: string[];
    nextStart?: boolean;
  } = {},
): Promise<Server> {
  const direct = opts.directLog ? fs.openSync(opts.directLog, "a") : null;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let out = "";
  const child: ChildProcess = spawn(
    process.execPath,
    // What `npm start` runs after the build: the production server of lib/server/main.ts;
    // or, for the benchmark's reference, the framework's own `next start` of the same build.
    opts.nextStart
      ? [...(opts.nodeArgs ?? []), path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"]
      : [...(opts.nodeArgs ?? []), ...startFlags(), "lib/server/main.ts"],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        HOST: "127.0.0.1",
        PUBLIC_URL: url,
        KASSA_TEST_CLOCK: "1",
        EXPIRY_SWEEP_INTERVAL_MS: "300",
        // Webhooks on a test scale: the 5 s, 5 min, 30 min… schedule becomes 5 ms, 300 ms, 1.8 s…
        WEBHOOK_TIME_SCALE: "0.001",
        WEBHOOK_POLL_INTERVAL_MS: "50",
        WEBHOOK_TIMEOUT_MS: "2000",
        // The receivers listen on 127.0.0.1, which PostgreSQL installs refuse by default.
        WEBHOOK_PRIVATE_TARGETS: "test",
        LOG_LEVEL: "info",
        // Tests pay hundreds of times from one address; the rate-limit tests set their own.
        RATE_LIMIT_PAY_PER_IP: "100000",
        RATE_LIMIT_PAY_PER_SESSION: "100000",
        ...(db.url ? { KASSA_SECRET: TEST_SECRET } : {}),
        ...dbEnv(db),
        ...env,
      },
      stdio: direct === null ? ["ignore", "pipe", "pipe"] : ["ignore", direct, direct],
    },
  );
  if (direct !== null) fs.closeSync(direct);
  // Keep the first 256 KiB in memory (start-up and test logs, bounded under benchmark load);
  // a log file, when asked for, gets everything.
  const log = opts.logFile ? fs.createWriteStream(opts.logFile) : null;
  const keep = (d: Buffer) => {
    if (out.length < 256 * 1024) out += d;
    log?.write(d);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not become ready:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    pid: child.pid!,
    output: () => (opts.directLog ? fs.readFileSync(opts.directLog, "utf8").slice(0, 256 * 1024) : out),
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null) child.kill(signal);
      await exited;
    },
  };
}

export type Worker = {
  pid: number;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
};

/** `npm run worker` (lib/worker/main.ts) on a database, with the test settings of startServer. */
export function startWorker(db: Pick<Database, "url" | "dataDir">, env: Record<string, string> = {}): Worker {
  let out = "";
  // As `npm run worker` does: tsx as a loader in the one process, so signals reach the worker itself.
  const child = spawn(process.execPath, ["--import", "tsx", "lib/worker/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      WEBHOOK_TIME_SCALE: "0.001",
      WEBHOOK_POLL_INTERVAL_MS: "50",
      WEBHOOK_TIMEOUT_MS: "2000",
      WEBHOOK_PRIVATE_TARGETS: "test",
      ...dbEnv(db),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    pid: child.pid!,
    output: () => out,
    exited,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** The demo merchant's test key that a first start prints. */
export function demoKeyFrom(output: string): string {
  const m = /sk_test_[0-9A-Za-z]{32}/.exec(output);
  if (!m) throw new Error(`no demo key in server output:\n${output}`);
  return m[0];
}
