// The soak: does Kassa slow down or grow as its data grows? Create throughput and a mixed
// minute (create, retrieve, list, pay) on an empty database, then again after the database
// holds SOAK_SESSIONS sessions, with the server's resident memory at each point.
import fs from "node:fs";
import autocannon from "autocannon";
import { createMerchantViaCli, startServer } from "@/e2e/support/stack";
import { benchDatabase, payBody, runOf, sessionBody, type Run } from "./load";

export type SoakResult = {
  sessions: number;
  empty: { create: Run; mixed: Run; rssMB: number };
  full: { create: Run; mixed: Run; rssMB: number };
  peakRssMB: number;
  fillSeconds: number;
  createFullVsEmpty: number;
};

/** The server's resident set in MB (the PGlite thread lives in the same process). */
function rssMB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

export async function soak(
  kind: "postgres" | "pglite",
  opts: { sessions: number; seconds: number; connections: number; settings: Record<string, string>; pgUrl: string },
): Promise<SoakResult> {
  const db = await benchDatabase(kind, opts.pgUrl);
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
        const c = runOf(await run([counted], opts.seconds));
        const m = runOf(await run(mixed as autocannon.Request[], opts.seconds));
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
