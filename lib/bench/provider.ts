// Paying through a real processor's API (SPEC 8), with the processor slow: the Paystack emulator
// adds 500 ms to every call, and 50 buyers pay live NGN sessions by bank transfer (one
// `POST /charge` each). Meanwhile a merchant keeps creating sessions: if anything were held
// across the processor's call (a transaction, a lock, PGlite's one connection), creation would
// stall behind it. Its throughput during the pay run is compared with the same load idle.
import fs from "node:fs";
import autocannon from "autocannon";
import { startPaystackEmulator } from "@/e2e/support/paystack";
import { connectPaystack, PAYSTACK_SERVER_ENV } from "@/e2e/support/providers";
import { createMerchantViaCli, startServer } from "@/e2e/support/stack";
import { benchDatabase, runOf, sessionBody, type Run } from "./load";

export const PROVIDER_LATENCY_MS = 500;
/** Connections of the merchant creating sessions, beside the buyers' pay connections. */
const CREATE_CONNECTIONS = 10;

export type ProviderResult = {
  latencyMs: number;
  pay: Run & { sessionsOpened: number };
  createIdle: Run;
  createDuringPay: Run;
  createDuringVsIdle: number;
};

const transferBody = JSON.stringify({ rail: "transfer" });

export async function benchProvider(
  kind: "postgres" | "pglite",
  opts: { seconds: number; warmup: number; connections: number; settings: Record<string, string>; pgUrl: string },
): Promise<ProviderResult> {
  const say = (s: string) => process.stdout.write(`  ${s}\n`);
  process.stdout.write(
    `\nPaying through Paystack (the emulator, +${PROVIDER_LATENCY_MS} ms a call) on ${kind}: ${opts.connections} paying, ${CREATE_CONNECTIONS} creating, ${opts.seconds} s\n`,
  );
  const db = await benchDatabase(kind, opts.pgUrl);
  const paystack = await startPaystackEmulator();
  try {
    const merchant = await createMerchantViaCli(db, "Bench Lagos");
    const env = { ...opts.settings, ...PAYSTACK_SERVER_ENV(paystack.url), PROVIDER_TIMEOUT_MS: "10000", RECONCILE_TIME_SCALE: "1", RECONCILE_INTERVAL_MS: "15000" };
    await connectPaystack(db, paystack, merchant, "live", env);
    const server = await startServer(db, { ...env, RATE_LIMIT_PAY_PER_IP: "1000000000", RATE_LIMIT_PAY_PER_SESSION: "10" }, { directLog: `${db.dataDir}-server.log` });
    try {
      const create: autocannon.Request = {
        method: "POST",
        path: "/api/v1/checkout/sessions",
        headers: { authorization: `Bearer ${merchant.liveKey}`, "content-type": "application/json" },
        body: JSON.stringify({ ...JSON.parse(sessionBody), customer: { email: "bench@example.com" } }),
      };
      const creating = (seconds: number) =>
        autocannon({ url: server.url, connections: CREATE_CONNECTIONS, pipelining: 1, duration: seconds, requests: [create] }).then((r) => runOf(r));

      await creating(opts.warmup);
      const createIdle = await creating(opts.seconds);
      say(`create, idle                 ${String(createIdle.reqPerSec).padStart(6)} req/s  p99 ${createIdle.p99} ms  errors ${createIdle.errors}  non-2xx ${createIdle.non2xx}`);

      // Sessions to pay, opened before the run (one is paid once); with room to spare.
      await paystack.setLatency(0);
      const wanted = Math.ceil((opts.connections / (PROVIDER_LATENCY_MS / 1000)) * (opts.seconds + opts.warmup) * 1.3);
      const ids: string[] = [];
      const opened = await autocannon({
        url: server.url,
        connections: 20,
        amount: wanted,
        requests: [{ ...create, onResponse: (status, body) => void (status < 300 && ids.push(JSON.parse(body).id)) }],
      });
      if (ids.length < wanted) throw new Error(`opened ${ids.length} of ${wanted} sessions (${opened.non2xx} non-2xx)`);
      await paystack.setLatency(PROVIDER_LATENCY_MS);

      let next = 0;
      const paying = (seconds: number) =>
        autocannon({
          url: server.url,
          connections: opts.connections,
          pipelining: 1,
          duration: seconds,
          maxOverallRequests: ids.length - next,
          // The pending session with the account Paystack issued: anything else counts against the run.
          verifyBody: (body) => body.startsWith('{"status":"pending"') && body.includes('"type":"bank_transfer"'),
          requests: [
            {
              method: "POST",
              path: `/api/v1/checkout/${ids[0]}/pay`,
              headers: { "content-type": "application/json" },
              body: transferBody,
              setupRequest: (req) => ({ ...req, path: `/api/v1/checkout/${ids[next++]}/pay` }),
            },
          ],
        }).then((r) => runOf(r, true));

      await paying(opts.warmup);
      const [pay, createDuringPay] = await Promise.all([paying(opts.seconds), creating(opts.seconds)]);
      say(`pay (transfer, via Paystack)  ${String(pay.reqPerSec).padStart(6)} req/s  p50 ${pay.p50} ms  p99 ${pay.p99} ms  errors ${pay.errors}  non-2xx ${pay.non2xx}  not pending ${pay.mismatches}`);
      say(`create, during the pay run    ${String(createDuringPay.reqPerSec).padStart(6)} req/s  p99 ${createDuringPay.p99} ms  errors ${createDuringPay.errors}  non-2xx ${createDuringPay.non2xx}`);
      const violations = await paystack.violations();
      if (violations.length) throw new Error(`Kassa sent Paystack requests its document refuses: ${JSON.stringify(violations.slice(0, 3))}`);
      const createDuringVsIdle = Math.round((createDuringPay.reqPerSec / Math.max(1, createIdle.reqPerSec)) * 100) / 100;
      say(`create during / idle: ${createDuringVsIdle}`);
      return { latencyMs: PROVIDER_LATENCY_MS, pay: { ...pay, sessionsOpened: ids.length }, createIdle, createDuringPay, createDuringVsIdle };
    } finally {
      await server.stop();
    }
  } finally {
    await paystack.stop();
    await db.drop();
    fs.rmSync(`${db.dataDir}-server.log`, { force: true });
  }
}
