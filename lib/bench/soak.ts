// The soak: does Kassa slow down or grow as its data grows? Create throughput and a mixed
// minute (create, retrieve, list, pay) on an empty database, then again after the database
// holds SOAK_SESSIONS sessions, with the server's resident memory at each point.
import fs from "node:fs";
import autocannon from "autocannon";
import { createMerchantViaCli, freshDatabase, startServer } from "@/e2e/support/stack";

export type SoakRun = { reqPerSec: number; p99: number; errors: number; non2xx: number; total: number };
export type SoakResult = {
  sessions: number;
  empty: { create: SoakRun; mixed: SoakRun; rssMB: number };
  full: { create: SoakRun; mixed: SoakRun; rssMB: number };
  peakRssMB: number;
  fillSeconds: number;
  createFullVsEmpty: number;
};

const sessionBody = JSON.stringify({
  amount: 250000,
  currency: "NGN",
  description: "Soak order",
  successUrl: "https://shop.example.com/thanks?session={CHECKOUT_SESSION_ID}",
});
const payBody = JSON.stringify({
  rail: "card",
  card: { number: "4242424242424242", expMonth: 12, expYear: new Date().getFullYear() + 2, cvc: "123" },
  email: "soak@example.com",
});

/** The server's resident set in MB (the PGlite thread lives in the same process). */
function rssMB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

function summary(r: autocannon.Result): SoakRun {
  return {
    reqPerSec: Math.round(r.requests.average),
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    total: r.requests.total,
  };
}

export async function soak(
  kind: "postgres" | "pglite",
  opts: { sessions: number; seconds: number; connections: number; settings: Record<string, string>; pgUrl: string },
): Promise<SoakResult> {
  const previous = process.env.TEST_DATABASE_URL;
  process.env.TEST_DATABASE_URL = opts.pgUrl;
  const db = await freshDatabase(kind);
  process.env.TEST_DATABASE_URL = previous;
  const say = (s: string) => process.stdout.write(`  ${s}\n`);
  try {
    const merchant = await createMerchantViaCli(db, "Soak Shop");
    const server = await startServer(db, { ...opts.settings, RATE_LIMIT_PAY_PER_IP: "1000000000", RATE_LIMIT_PAY_PER_SESSION: "10" });
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMB(server.pid))), 500);
    try {
      const auth = { authorization: `Bearer ${merchant.testKey}` };
      const create = {
        method: "POST" as const,
        path: "/api/v1/checkout/sessions",
        headers: { ...auth, "content-type": "application/json" },
        body: sessionBody,
      };
      let created = 0;
      const counted = { ...create, onResponse: (status: number) => void (status === 201 && created++) };
      // Each connection goes round: create, retrieve it, list, pay it.
      const mixed = [
        {
          ...create,
          onResponse: (status: number, body: string, context: Record<string, unknown>) => {
            if (status === 201) {
              created++;
              context.id = JSON.parse(body).id;
            }
          },
        },
        { method: "GET" as const, headers: auth, setupRequest: (req: any, c: any) => ({ ...req, path: `/api/v1/checkout/sessions/${c.id}` }) },
        { method: "GET" as const, path: "/api/v1/checkout/sessions?limit=10", headers: auth },
        {
          method: "POST" as const,
          headers: { "content-type": "application/json" },
          body: payBody,
          setupRequest: (req: any, c: any) => ({ ...req, path: `/api/v1/checkout/${c.id}/pay` }),
        },
      ];
      const run = (requests: autocannon.Request[], seconds: number) =>
        autocannon({ url: server.url, connections: opts.connections, pipelining: 1, duration: seconds, requests });
      const measure = async (label: string) => {
        const c = summary(await run([counted], opts.seconds));
        const m = summary(await run(mixed as autocannon.Request[], opts.seconds));
        const rss = rssMB(server.pid);
        say(`${label.padEnd(22)} create ${c.reqPerSec} req/s (p99 ${c.p99} ms)  mixed ${m.reqPerSec} req/s (p99 ${m.p99} ms)  RSS ${rss} MB  sessions ${created}`);
        return { create: c, mixed: m, rssMB: rss };
      };

      process.stdout.write(`\nSoak on ${kind}: ${opts.sessions} sessions, ${opts.connections} connections, ${opts.seconds} s per run\n`);
      await run([counted], 3); // warm-up
      const empty = await measure("empty database");
      const fillStarted = Date.now();
      const remaining = opts.sessions - created;
      if (remaining > 0) {
        await autocannon({ url: server.url, connections: opts.connections, pipelining: 1, amount: remaining, requests: [counted] });
      }
      const fillSeconds = Math.round((Date.now() - fillStarted) / 1000);
      const sessions = created;
      say(`filled to ${created} sessions in ${fillSeconds} s, RSS ${rssMB(server.pid)} MB`);
      const full = await measure(`after ${Math.round(sessions / 1000)}k sessions`);
      const createFullVsEmpty = Math.round((full.create.reqPerSec / Math.max(1, empty.create.reqPerSec)) * 100) / 100;
      say(`create after / empty: ${createFullVsEmpty}x; peak RSS ${peak} MB`);
      return { sessions, empty, full, peakRssMB: peak, fillSeconds, createFullVsEmpty };
    } finally {
      clearInterval(sampler);
      await server.stop();
    }
  } finally {
    await db.drop();
  }
}
