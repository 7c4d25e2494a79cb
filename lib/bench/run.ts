// `npm run bench`: Kassa's API and checkout page, each beside a baseline measured in the
// same run, then a table of every figure beside its target. Writes lib/bench/results.json.
// Options: --duration=SECONDS --warmup=SECONDS --connections=N --only=postgres|pglite|page|soak|provider
// --soak-sessions=N (default 100000: the soak measures again once the database holds them)
// --lighthouse-runs=N (default 3, the median run is kept; 0 skips Lighthouse).
// It exits 0 whether targets pass or fail (it reports), and nonzero only when the run breaks.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { createMerchantViaCli, freePort, freshDatabase, startServer, type Database } from "@/e2e/support/stack";
import { benchDatabase, payBody, runOf, sessionBody, type Run } from "./load";
import { benchProvider, type ProviderResult } from "./provider";
import { soak, type SoakResult } from "./soak";
import { assertChromium, lighthouseMedian, type FailingAudit, type LighthouseResult } from "./lighthouse";

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k, v ?? "true"];
  }),
);
const DURATION = Number(args.duration ?? 20);
const CONNECTIONS = Number(args.connections ?? 50);
const WARMUP = Number(args.warmup ?? 5);
const LIGHTHOUSE_RUNS = Number(args["lighthouse-runs"] ?? 3);
const SOAK_SESSIONS = Number(args["soak-sessions"] ?? 100_000);
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const ROOT = path.resolve(__dirname, "../..");

/** The servers under test run with production defaults, not the tests' fast clocks and polling. */
const PRODUCTION_SETTINGS = {
  KASSA_BENCH: "1",
  KASSA_TEST_CLOCK: "0",
  EXPIRY_SWEEP_INTERVAL_MS: "30000",
  WEBHOOK_TIME_SCALE: "1",
  WEBHOOK_POLL_INTERVAL_MS: "1000",
  WEBHOOK_TIMEOUT_MS: "15000",
};


async function cannon(opts: autocannon.Options, seconds = DURATION): Promise<Run> {
  return runOf(await autocannon({ connections: CONNECTIONS, pipelining: 1, duration: seconds, ...opts }), !!opts.verifyBody);
}


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

type ApiResults = Record<"echoNextStart" | "echo" | "create" | "retrieve" | "pay" | "baselineCreate" | "baselineRetrieve", Run> & {
  ratios: Record<
    | "createVsTrivialHandler"
    | "createVsTrivialHandlerSameServer"
    | "createVsBaseline"
    | "createP99VsBaselineP99"
    | "retrieveVsBaseline"
    | "payVsBaselineInsert",
    number
  >;
};

const echoRequests = [{ method: "POST", path: "/api/bench/echo", headers: { "content-type": "application/json" }, body: sessionBody }];

async function benchApi(kind: "postgres" | "pglite"): Promise<ApiResults> {
  process.stdout.write(`\nAPI on ${kind} (${CONNECTIONS} connections, ${DURATION} s each, after ${WARMUP} s warm-up)\n`);
  const db = await benchDatabase(kind, PG_URL);
  try {
    const merchant = await createMerchantViaCli(db, "Bench Shop");
    let results: Record<string, Run> = {};
    // The framework's floor: a trivial route handler of this build under Next.js's own server.
    const nextStart = await startServer(db, PRODUCTION_SETTINGS, { nextStart: true });
    try {
      results.echoNextStart = await measure("trivial handler, next start", { url: nextStart.url, requests: echoRequests });
    } finally {
      await nextStart.stop();
    }
    const server = await startServer(db, {
      ...PRODUCTION_SETTINGS,
      // Every pay comes from one address: the per-IP limit (30 a minute by default) is raised, as an
      // operator behind one trusted proxy would. Each session is paid once, so the per-session
      // limit keeps its default.
      RATE_LIMIT_PAY_PER_IP: "1000000000",
      RATE_LIMIT_PAY_PER_SESSION: "10",
    });
    const auth = { authorization: `Bearer ${merchant.testKey}` };
    try {
      // The same handler on Kassa's server (npm start), where the API below is measured.
      results.echo = await measure("trivial handler, npm start", { url: server.url, requests: echoRequests });
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
      createVsTrivialHandler: ratio(results.create!, results.echoNextStart!),
      createVsTrivialHandlerSameServer: ratio(results.create!, results.echo!),
      createVsBaseline: ratio(results.create!, results.baselineCreate!),
      createP99VsBaselineP99: Math.round((results.create!.p99 / Math.max(1, results.baselineCreate!.p99)) * 100) / 100,
      retrieveVsBaseline: ratio(results.retrieve!, results.baselineRetrieve!),
      payVsBaselineInsert: ratio(results.pay!, results.baselineCreate!),
    };
    process.stdout.write(`  ratios: ${JSON.stringify(ratios)}\n`);
    return { ...(results as Omit<ApiResults, "ratios">), ratios };
  } finally {
    await db.drop();
    fs.rmSync(`${db.dataDir}-baseline`, { recursive: true, force: true });
  }
}

/**
 * Gzip bytes of the scripts and stylesheets a page loads, read from its HTML. A noModule
 * script (Next's polyfills for browsers without modules) is not loaded by a current browser.
 */
async function pageWeight(url: string) {
  const html = await (await fetch(url)).text();
  const srcs = [...html.matchAll(/<script\b[^>]*>/gi)].flatMap((m) =>
    /\snomodule\b/i.test(m[0]) ? [] : [.../\ssrc="([^"]+)"/.exec(m[0])?.slice(1) ?? []],
  );
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

async function openSession(url: string, key: string, body: string): Promise<{ id: string; checkoutUrl: string }> {
  const res = await fetch(`${url}/api/v1/checkout/sessions`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body,
  });
  if (!res.ok) throw new Error(`creating a session for the page: ${res.status} ${await res.text()}`);
  return res.json();
}

function printFailing(label: string, audits: FailingAudit[]) {
  if (!audits.length) return;
  process.stdout.write(`    ${label}:\n`);
  for (const a of audits) {
    process.stdout.write(`      - ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ""}${a.score !== null ? ` [score ${a.score}]` : ""}\n`);
    for (const item of a.items ?? []) process.stdout.write(`          ${item}\n`);
  }
}

type PageResults = {
  checkout: Awaited<ReturnType<typeof pageWeight>>;
  blank: Awaited<ReturnType<typeof pageWeight>>;
  jsRatio: number;
  lighthouse?: Record<string, LighthouseResult>;
};

async function benchPage(): Promise<PageResults> {
  process.stdout.write("\nCheckout page weight (gzip)\n");
  const db = await freshDatabase("pglite");
  try {
    const merchant = await createMerchantViaCli(db, "Bench Shop");
    const server = await startServer(db, PRODUCTION_SETTINGS);
    try {
      const session = await openSession(server.url, merchant.testKey, sessionBody);
      const checkout = await pageWeight(session.checkoutUrl);
      const blank = await pageWeight(`${server.url}/bench/blank`);
      const jsRatio = Math.round((checkout.jsGzipBytes / blank.jsGzipBytes) * 100) / 100;
      process.stdout.write(
        `  checkout: JS ${checkout.jsGzipBytes} B in ${checkout.scripts} files, CSS ${checkout.cssGzipBytes} B\n` +
          `  blank:    JS ${blank.jsGzipBytes} B in ${blank.scripts} files, CSS ${blank.cssGzipBytes} B\n` +
          `  checkout JS / blank JS: ${jsRatio}\n`,
      );
      if (LIGHTHOUSE_RUNS < 1) return { checkout, blank, jsRatio };

      process.stdout.write(
        `\nLighthouse on the open checkout page (mobile defaults, simulated throttling, Chromium; median of ${LIGHTHOUSE_RUNS} run${LIGHTHOUSE_RUNS > 1 ? "s" : ""})\n`,
      );
      const pages: Record<string, string> = {
        NGN: session.checkoutUrl,
        BRL: (await openSession(server.url, merchant.testKey, JSON.stringify({ ...JSON.parse(sessionBody), amount: 25000, currency: "BRL" }))).checkoutUrl,
      };
      const lighthouse: Record<string, LighthouseResult> = {};
      for (const [name, url] of Object.entries(pages)) {
        await (await fetch(url)).text(); // the page's first render is not what a buyer waits for
        const r = await lighthouseMedian(url, LIGHTHOUSE_RUNS);
        lighthouse[name] = r;
        const t = (target: string) => ` (${target})`;
        process.stdout.write(
          `  ${name.padEnd(5)} performance ${r.performance}${t(">= 95")}, accessibility ${r.accessibility}${t("100")}, ` +
            `LCP ${(r.lcpMs / 1000).toFixed(2)} s${t("<= 2.0")}, TBT ${r.tbtMs} ms${t("<= 150")}, CLS ${r.cls}${t("<= 0.05")}, ` +
            `server response ${r.serverResponseMs} ms; CPU benchmark index ${r.benchmarkIndex}\n`,
        );
        if (r.runs.length > 1) {
          process.stdout.write(`    runs: ${r.runs.map((x) => `perf ${x.performance} LCP ${x.lcpMs} TBT ${x.tbtMs} index ${x.benchmarkIndex}`).join("; ")}\n`);
        }
        for (const w of r.warnings) process.stdout.write(`    warning: ${w}\n`);
        if (r.performance < 95) printFailing("performance audits below 0.9", r.failing.performance);
        if (r.accessibility < 100) printFailing("accessibility audits that fail", r.failing.accessibility);
      }
      return { checkout, blank, jsRatio, lighthouse };
    } finally {
      await server.stop();
    }
  } finally {
    await db.drop();
  }
}

type Row = { figure: string; value: string; target: string; pass: boolean | null };

/** Every figure beside its target; pass is null for figures without one, or not measured. */
function summarize(
  api: Partial<Record<"postgres" | "pglite", ApiResults>>,
  page: PageResults | undefined,
  soaked: Partial<Record<"postgres" | "pglite", SoakResult>>,
  provider: Partial<Record<"postgres" | "pglite", ProviderResult>>,
): Row[] {
  const rows: Row[] = [];
  const x = (n: number) => `${Math.round(n * 100) / 100}x`;
  const row = (figure: string, value: string | undefined, target: string, pass: boolean | undefined | null) =>
    rows.push({ figure, value: value ?? "not run", target, pass: value === undefined ? null : (pass ?? null) });
  const { postgres: pg, pglite } = api;

  row(
    "PostgreSQL: create vs trivial handler (next start), req/s",
    pg && `${x(pg.ratios.createVsTrivialHandler)} (${pg.create.reqPerSec} / ${pg.echoNextStart.reqPerSec})`,
    ">= 0.85x",
    pg && pg.ratios.createVsTrivialHandler >= 0.85,
  );
  row(
    "PostgreSQL: create vs trivial handler (npm start), req/s",
    pg && `${x(pg.ratios.createVsTrivialHandlerSameServer)} (${pg.create.reqPerSec} / ${pg.echo.reqPerSec})`,
    "(none)",
    null,
  );
  row(
    "PostgreSQL: create vs bare baseline INSERT, req/s",
    pg && `${x(pg.ratios.createVsBaseline)} (${pg.create.reqPerSec} / ${pg.baselineCreate.reqPerSec})`,
    "(none; 0.5x is the stretch)",
    null,
  );
  for (const [name, r] of [["PostgreSQL", pg], ["PGlite", pglite]] as const) {
    row(
      `${name}: create p99 vs baseline p99`,
      r && `${x(r.ratios.createP99VsBaselineP99)} (${r.create.p99} / ${r.baselineCreate.p99} ms)`,
      "<= 3x",
      r && r.ratios.createP99VsBaselineP99 <= 3,
    );
  }
  // The issue's target names create; retrieve and pay are held to it too.
  for (const key of ["create", "retrieve", "pay"] as const) {
    const ratio = pg && pglite ? pglite[key].reqPerSec / Math.max(1, pg[key].reqPerSec) : undefined;
    row(
      `PGlite ${key} vs PostgreSQL ${key}, req/s`,
      ratio === undefined ? undefined : `${x(ratio)} (${pglite![key].reqPerSec} / ${pg![key].reqPerSec})`,
      ">= 0.5x",
      ratio !== undefined && ratio >= 0.5,
    );
  }
  const runs = [pg, pglite].flatMap((r) => (r ? [r.echoNextStart, r.echo, r.create, r.retrieve, r.pay, r.baselineCreate, r.baselineRetrieve] : []));
  const bad = runs.reduce((n, r) => n + r.errors + r.non2xx + (r.mismatches ?? 0), 0);
  row("errors + non-2xx + not paid, all API runs", runs.length ? String(bad) : undefined, "0", bad === 0);
  for (const [name, r] of [["PostgreSQL", pg], ["PGlite", pglite]] as const) {
    row(
      `${name}: pay vs baseline INSERT, req/s`,
      r && `${x(r.ratios.payVsBaselineInsert)} (${r.pay.reqPerSec} / ${r.baselineCreate.reqPerSec})`,
      "(none)",
      null,
    );
  }

  for (const [name, r] of [["PostgreSQL", soaked.postgres], ["PGlite", soaked.pglite]] as const) {
    row(
      `${name}: create after ${Math.round((r?.sessions ?? SOAK_SESSIONS) / 1000)}k sessions vs empty, req/s`,
      r && `${x(r.createFullVsEmpty)} (${r.full.create.reqPerSec} / ${r.empty.create.reqPerSec})`,
      ">= 0.8x",
      r && r.createFullVsEmpty >= 0.8,
    );
    row(
      `${name}: mixed traffic after vs empty, req/s`,
      r && `${x(r.full.mixed.reqPerSec / Math.max(1, r.empty.mixed.reqPerSec))} (${r.full.mixed.reqPerSec} / ${r.empty.mixed.reqPerSec})`,
      "(none)",
      null,
    );
  }
  for (const [name, r] of [["PostgreSQL", provider.postgres], ["PGlite", provider.pglite]] as const) {
    row(
      `${name}: pay through Paystack (+${r?.latencyMs ?? 500} ms a call, ${CONNECTIONS} connections), pays/s`,
      r && `${r.pay.reqPerSec} (p50 ${r.pay.p50} ms, p99 ${r.pay.p99} ms)`,
      ">= 80",
      r && r.pay.reqPerSec >= 80,
    );
    row(
      `${name}: create during that pay run vs idle, req/s`,
      r && `${x(r.createDuringVsIdle)} (${r.createDuringPay.reqPerSec} / ${r.createIdle.reqPerSec})`,
      ">= 0.8x",
      r && r.createDuringVsIdle >= 0.8,
    );
    const bad = r && r.pay.errors + r.pay.non2xx + (r.pay.mismatches ?? 0) + r.createIdle.errors + r.createIdle.non2xx + r.createDuringPay.errors + r.createDuringPay.non2xx;
    row(`${name}: errors + non-2xx + not pending, Paystack runs`, r && String(bad), "0", r && bad === 0);
  }
  const pgliteSoak = soaked.pglite;
  row(
    "PGlite server RSS after the soak (peak)",
    pgliteSoak && `${pgliteSoak.full.rssMB} MB (${pgliteSoak.peakRssMB} MB)`,
    "< 600 MB",
    pgliteSoak && pgliteSoak.full.rssMB < 600,
  );
  const soakRuns = Object.values(soaked).flatMap((r) => [r.empty.create, r.empty.mixed, r.full.create, r.full.mixed]);
  const soakBad = soakRuns.reduce((n, r) => n + r.errors + r.non2xx, 0);
  row("errors + non-2xx, soak runs", soakRuns.length ? String(soakBad) : undefined, "0", soakBad === 0);

  row(
    "checkout JS vs blank page JS, gzip",
    page && `${x(page.jsRatio)} (${page.checkout.jsGzipBytes} / ${page.blank.jsGzipBytes} B)`,
    "<= 1.3x",
    page && page.jsRatio <= 1.3,
  );
  row("checkout CSS, gzip", page && `${page.checkout.cssGzipBytes} B`, "<= 15 kB (15000 B)", page && page.checkout.cssGzipBytes <= 15_000);
  const lh = page?.lighthouse ?? {};
  for (const name of Object.keys(lh).length ? Object.keys(lh) : ["NGN"]) {
    const r = lh[name];
    row(`Lighthouse ${name}: performance`, r && String(r.performance), ">= 95", r && r.performance >= 95);
    row(`Lighthouse ${name}: accessibility`, r && String(r.accessibility), "100", r && r.accessibility === 100);
    row(`Lighthouse ${name}: LCP`, r && `${(r.lcpMs / 1000).toFixed(2)} s`, "<= 2.0 s", r && r.lcpMs <= 2000);
    row(`Lighthouse ${name}: TBT`, r && `${r.tbtMs} ms`, "<= 150 ms", r && r.tbtMs <= 150);
    row(`Lighthouse ${name}: CLS`, r && String(r.cls), "<= 0.05", r && r.cls <= 0.05);
    row(`Lighthouse ${name}: server response time`, r && `${r.serverResponseMs} ms`, "(none)", null);
  }
  return rows;
}

function printSummary(rows: Row[]) {
  const w = [Math.max(...rows.map((r) => r.figure.length)), Math.max(...rows.map((r) => r.value.length)), Math.max(...rows.map((r) => r.target.length))];
  process.stdout.write(`\nSummary (each figure beside its target; the script reports, it does not judge)\n`);
  for (const r of rows) {
    const verdict = r.value === "not run" ? "-" : r.pass === null ? "" : r.pass ? "PASS" : "FAIL";
    process.stdout.write(`  ${r.figure.padEnd(w[0]!)}  ${r.value.padEnd(w[1]!)}  ${r.target.padEnd(w[2]!)}  ${verdict}\n`);
  }
  const failed = rows.filter((r) => r.pass === false).length;
  const passed = rows.filter((r) => r.pass === true).length;
  process.stdout.write(`  ${passed} passed, ${failed} failed, ${rows.length - passed - failed} without a target or not run\n`);
}

async function main() {
  // Other work on the machine skews every figure here, Lighthouse's TBT most: keep a note of it.
  const loadAverageAtStart = os.loadavg().map((n) => Math.round(n * 100) / 100);
  if (args.only && !["postgres", "pglite", "page", "soak", "provider"].includes(args.only)) {
    throw new Error(`--only=${args.only}: expected postgres, pglite, page, soak or provider`);
  }
  if ((!args.only || args.only === "page") && LIGHTHOUSE_RUNS > 0) assertChromium(); // before minutes of API runs
  if (!fs.existsSync(path.join(ROOT, ".next/BUILD_ID")) || args.build) {
    process.stdout.write("Building (next build)…\n");
    await new Promise<void>((resolve, reject) =>
      spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], { cwd: ROOT, stdio: "inherit" }).once(
        "exit",
        (code) => (code === 0 ? resolve() : reject(new Error("build failed"))),
      ),
    );
  }
  const api: Partial<Record<"postgres" | "pglite", ApiResults>> = {};
  for (const kind of ["postgres", "pglite"] as const) {
    if (!args.only || args.only === kind) api[kind] = await benchApi(kind);
  }
  const page = !args.only || args.only === "page" ? await benchPage() : undefined;
  const soaked: Partial<Record<"postgres" | "pglite", SoakResult>> = {};
  if (!args.only || args.only === "soak") {
    for (const kind of ["postgres", "pglite"] as const) {
      soaked[kind] = await soak(kind, { sessions: SOAK_SESSIONS, seconds: DURATION, connections: CONNECTIONS, settings: PRODUCTION_SETTINGS, pgUrl: PG_URL });
    }
  }
  const provider: Partial<Record<"postgres" | "pglite", ProviderResult>> = {};
  if (!args.only || args.only === "provider") {
    for (const kind of ["postgres", "pglite"] as const) {
      provider[kind] = await benchProvider(kind, { seconds: DURATION, warmup: WARMUP, connections: CONNECTIONS, settings: PRODUCTION_SETTINGS, pgUrl: PG_URL });
    }
  }
  // A partial run (--only) keeps the other parts of the last results, so the file stays whole.
  const file = path.join(__dirname, "results.json");
  const last = args.only && fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Partial<typeof results>) : {};
  const merged = {
    api: { ...last.api, ...api },
    page: page ?? last.page,
    soak: { ...last.soak, ...soaked },
    provider: { ...last.provider, ...provider },
  };
  const summary = summarize(merged.api, merged.page, merged.soak, merged.provider);
  const results: {
    date: string;
    machine: Record<string, unknown>;
    settings: Record<string, unknown>;
    api: typeof api;
    page: PageResults | undefined;
    soak: typeof soaked;
    provider: typeof provider;
    summary: Row[];
    partialRun?: string;
  } = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAverageAtStart,
    },
    settings: { durationSeconds: DURATION, connections: CONNECTIONS, warmupSeconds: WARMUP, lighthouseRuns: LIGHTHOUSE_RUNS, soakSessions: SOAK_SESSIONS },
    ...merged,
    summary,
    ...(args.only ? { partialRun: `--only=${args.only} at ${new Date().toISOString()}; the other parts are from the last run` } : {}),
  };
  fs.writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
  printSummary(summary);
  process.stdout.write("\nWrote lib/bench/results.json\n");
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
