// `npm run bench`: Kassa's API and checkout page, each beside a baseline measured in the
// same run. Writes bench/results.json. Options: --duration=SECONDS --connections=N --only=pglite|postgres
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { createMerchantViaCli, freePort, freshDatabase, startServer, type Database } from "@/e2e/support/stack";

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k, v ?? "true"];
  }),
);
const DURATION = Number(args.duration ?? 20);
const CONNECTIONS = Number(args.connections ?? 50);
const WARMUP = Number(args.warmup ?? 5);
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const ROOT = path.resolve(__dirname, "../..");

type Run = {
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
  seconds: number;
  mismatches?: number;
};

async function cannon(opts: autocannon.Options, seconds = DURATION): Promise<Run> {
  const r = await autocannon({ connections: CONNECTIONS, pipelining: 1, duration: seconds, ...opts });
  return {
    reqPerSec: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    total: r.requests.total,
    seconds: r.duration,
    ...(opts.verifyBody ? { mismatches: r.mismatches } : {}),
  };
}

const sessionBody = JSON.stringify({
  amount: 250000,
  currency: "NGN",
  description: "Benchmark order",
  successUrl: "https://shop.example.com/thanks?session={CHECKOUT_SESSION_ID}",
});

/** Drives one target twice: a warm-up we discard, then the measured run. */
async function measure(label: string, opts: autocannon.Options): Promise<Run> {
  await cannon(opts, WARMUP);
  const run = await cannon(opts);
  process.stdout.write(
    `  ${label.padEnd(28)} ${String(run.reqPerSec).padStart(6)} req/s  p50 ${String(run.p50).padStart(4)} ms  p99 ${String(run.p99).padStart(4)} ms  errors ${run.errors}  non-2xx ${run.non2xx}` +
      (run.mismatches !== undefined ? `  not paid ${run.mismatches}` : "") +
      "\n",
  );
  return run;
}

function createRequests(key: string): autocannon.Options["requests"] {
  return [
    {
      method: "POST",
      path: "/api/v1/checkout/sessions",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: sessionBody,
      // A fresh Idempotency-Key on every request, as a careful merchant sends.
      setupRequest: (req) => ({ ...req, headers: { ...req.headers, "idempotency-key": randomUUID() } }),
    },
  ];
}

/** Opens `count` sessions through the API as fast as it takes them; their ids, in order. */
async function openSessions(url: string, key: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  const [create] = createRequests(key)!;
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    pipelining: 1,
    amount: count,
    requests: [{ ...create, onResponse: (status, body) => void (status < 300 && ids.push(JSON.parse(body).id)) }],
  });
  if (r.errors + r.timeouts + r.non2xx > 0 || ids.length < count) {
    throw new Error(`opening ${count} sessions for the pay run: ${ids.length} opened, ${r.errors + r.timeouts} errors, ${r.non2xx} non-2xx`);
  }
  return ids;
}

// The buyer pays with the sandbox's succeeding test card; an expiry two years out stays valid.
const payBody = JSON.stringify({
  rail: "card",
  card: { number: "4242424242424242", expMonth: 12, expYear: new Date().getFullYear() + 2, cvc: "123" },
  email: "bench@example.com",
});

/**
 * The buyer's pay call. A session can be paid once, so every request takes the next session of
 * a pool opened beforehand, and autocannon sends no more requests than the pool holds: should
 * the pool run short, the run ends early (and says so) rather than pay a session twice. A 200
 * whose body is not a paid session counts as "not paid".
 */
function payOptions(url: string, pool: string[]): { options: autocannon.Options; used: () => number } {
  let next = 0;
  const options: autocannon.Options = {
    url,
    maxOverallRequests: pool.length,
    verifyBody: (body) => body.startsWith('{"status":"paid"'),
    requests: [
      {
        method: "POST",
        path: `/api/v1/checkout/${pool[0]}/pay`,
        // No Origin header, as a server-side client sends (a browser would send the server's own).
        headers: { "content-type": "application/json" },
        body: payBody,
        // Called once for each request sent.
        setupRequest: (req) => ({ ...req, path: `/api/v1/checkout/${pool[next++]}/pay` }),
      },
    ],
  };
  return { options, used: () => next };
}

async function measurePay(url: string, key: string, createRate: number) {
  // Warm-up on a pool sized from the create rate, then a pool for the measured run sized from the
  // faster of the warm-up's pay rate and the create rate, with room to spare (a short, cold
  // warm-up underestimates pay). Opening the pools takes longer than the run itself.
  const warmPool = await openSessions(url, key, Math.ceil(createRate * WARMUP * 2) + 2 * CONNECTIONS);
  const warm = await cannon(payOptions(url, warmPool).options, WARMUP);
  const pool = await openSessions(url, key, Math.ceil(Math.max(warm.reqPerSec, createRate, 1) * DURATION * 1.3) + 2 * CONNECTIONS);
  const pay = payOptions(url, pool);
  const run = await cannon(pay.options);
  const ranOut = pay.used() >= pool.length;
  process.stdout.write(
    `  ${"pay (card, succeeds)".padEnd(28)} ${String(run.reqPerSec).padStart(6)} req/s  p50 ${String(run.p50).padStart(4)} ms  p99 ${String(run.p99).padStart(4)} ms  errors ${run.errors}  non-2xx ${run.non2xx}  not paid ${run.mismatches}` +
      (ranOut ? `\n  !! all ${pool.length} pre-opened sessions paid after ${run.seconds} s: the pay run ended early` : "") +
      "\n",
  );
  return { ...run, sessionsOpened: pool.length, sessionsPaid: pay.used() };
}

async function startBaseline(db: Pick<Database, "url" | "dataDir">) {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "lib/bench/baseline-server.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATABASE_URL: db.url ?? "", KASSA_DATA_DIR: `${db.dataDir}-baseline` },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`baseline exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((r) => (child.kill("SIGTERM"), child.once("exit", () => r()))),
  };
}

async function benchApi(kind: "postgres" | "pglite") {
  process.stdout.write(`\nAPI on ${kind} (${CONNECTIONS} connections, ${DURATION} s each, after ${WARMUP} s warm-up)\n`);
  const previous = process.env.TEST_DATABASE_URL;
  process.env.TEST_DATABASE_URL = PG_URL;
  const db = await freshDatabase(kind);
  process.env.TEST_DATABASE_URL = previous;
  try {
    const merchant = await createMerchantViaCli(db, "Bench Shop");
    const server = await startServer(db, {
      KASSA_BENCH: "1",
      KASSA_TEST_CLOCK: "0",
      EXPIRY_SWEEP_INTERVAL_MS: "30000",
      // Every pay comes from one address: the per-IP limit (30 a minute by default) is raised, as an
      // operator behind one trusted proxy would. Each session is paid once, so the per-session
      // limit keeps its default.
      RATE_LIMIT_PAY_PER_IP: "1000000000",
      RATE_LIMIT_PAY_PER_SESSION: "10",
    });
    const auth = { authorization: `Bearer ${merchant.testKey}` };
    let results: Record<string, Run> = {};
    try {
      results.echo = await measure("trivial route handler", {
        url: server.url,
        requests: [{ method: "POST", path: "/api/bench/echo", headers: { "content-type": "application/json" }, body: sessionBody }],
      });
      results.create = await measure("create session", { url: server.url, requests: createRequests(merchant.testKey) });
      const one = await (
        await fetch(`${server.url}/api/v1/checkout/sessions`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: sessionBody })
      ).json();
      results.retrieve = await measure("retrieve session", {
        url: server.url,
        requests: [{ method: "GET", path: `/api/v1/checkout/sessions/${one.id}`, headers: auth }],
      });
      results.pay = await measurePay(server.url, merchant.testKey, results.create.reqPerSec);
    } finally {
      await server.stop();
    }

    const baseline = await startBaseline(db);
    try {
      results.baselineCreate = await measure("baseline: parse + INSERT", {
        url: baseline.url,
        requests: [{ method: "POST", path: "/create", headers: { "content-type": "application/json" }, body: sessionBody }],
      });
      const created = await (await fetch(`${baseline.url}/create`, { method: "POST", body: sessionBody })).json();
      results.baselineRetrieve = await measure("baseline: SELECT by key", {
        url: baseline.url,
        requests: [{ method: "GET", path: `/retrieve/${encodeURIComponent(created.id)}` }],
      });
    } finally {
      await baseline.stop();
    }
    const ratio = (a: Run, b: Run) => Math.round((a.reqPerSec / b.reqPerSec) * 100) / 100;
    const ratios = {
      createVsTrivialHandler: ratio(results.create!, results.echo!),
      createVsBaseline: ratio(results.create!, results.baselineCreate!),
      createP99VsBaselineP99: Math.round((results.create!.p99 / Math.max(1, results.baselineCreate!.p99)) * 100) / 100,
      retrieveVsBaseline: ratio(results.retrieve!, results.baselineRetrieve!),
      payVsBaselineInsert: ratio(results.pay!, results.baselineCreate!),
    };
    process.stdout.write(`  ratios: ${JSON.stringify(ratios)}\n`);
    return { ...results, ratios };
  } finally {
    await db.drop();
    fs.rmSync(`${db.dataDir}-baseline`, { recursive: true, force: true });
  }
}

/** Gzip bytes of the scripts and stylesheets a page loads, read from its HTML. */
async function pageWeight(url: string) {
  const html = await (await fetch(url)).text();
  const srcs = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  const hrefs = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"|<link[^>]+href="([^"]+)"[^>]+rel="stylesheet"/g)].map(
    (m) => (m[1] ?? m[2])!,
  );
  const weigh = async (list: string[]) => {
    let total = 0;
    for (const src of new Set(list)) {
      const body = Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer());
      total += gzipSync(body, { level: 9 }).length;
    }
    return total;
  };
  return { jsGzipBytes: await weigh(srcs), cssGzipBytes: await weigh(hrefs), scripts: srcs.length, stylesheets: hrefs.length };
}

async function benchPage() {
  process.stdout.write("\nCheckout page weight (gzip)\n");
  const db = await freshDatabase("pglite");
  try {
    const merchant = await createMerchantViaCli(db, "Bench Shop");
    const server = await startServer(db, { KASSA_BENCH: "1" });
    try {
      const session = await (
        await fetch(`${server.url}/api/v1/checkout/sessions`, {
          method: "POST",
          headers: { authorization: `Bearer ${merchant.testKey}`, "content-type": "application/json" },
          body: sessionBody,
        })
      ).json();
      const checkout = await pageWeight(session.checkoutUrl);
      const blank = await pageWeight(`${server.url}/bench/blank`);
      const jsRatio = Math.round((checkout.jsGzipBytes / blank.jsGzipBytes) * 100) / 100;
      process.stdout.write(
        `  checkout: JS ${checkout.jsGzipBytes} B in ${checkout.scripts} files, CSS ${checkout.cssGzipBytes} B\n` +
          `  blank:    JS ${blank.jsGzipBytes} B in ${blank.scripts} files, CSS ${blank.cssGzipBytes} B\n` +
          `  checkout JS / blank JS: ${jsRatio}\n`,
      );
      return { checkout, blank, jsRatio };
    } finally {
      await server.stop();
    }
  } finally {
    await db.drop();
  }
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, ".next/BUILD_ID")) || args.build) {
    process.stdout.write("Building (next build)…\n");
    await new Promise<void>((resolve, reject) =>
      spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], { cwd: ROOT, stdio: "inherit" }).once(
        "exit",
        (code) => (code === 0 ? resolve() : reject(new Error("build failed"))),
      ),
    );
  }
  const api: Record<string, unknown> = {};
  for (const kind of ["postgres", "pglite"] as const) {
    if (!args.only || args.only === kind) api[kind] = await benchApi(kind);
  }
  const page = args.only ? undefined : await benchPage();
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    settings: { durationSeconds: DURATION, connections: CONNECTIONS, warmupSeconds: WARMUP },
    api,
    page,
  };
  fs.mkdirSync(path.join(ROOT, "bench"), { recursive: true });
  fs.writeFileSync(path.join(ROOT, "bench/results.json"), JSON.stringify(results, null, 2) + "\n");
  process.stdout.write("\nWrote bench/results.json\n");
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
