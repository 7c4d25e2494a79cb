// Webhook delivery throughput: queue N events, start one worker, count events per second
// until a receiver in another process has verified them all.
//   node --import tsx lib/bench/webhooks.ts                      (in-memory PGlite)
//   DATABASE_URL=postgres://… node --import tsx lib/bench/webhooks.ts
// BENCH_EVENTS (default 2000) and WEBHOOK_CONCURRENCY (default 16) change the run.
import { spawn } from "node:child_process";
import readline from "node:readline";
import { count, eq } from "drizzle-orm";
import pino from "pino";
import { openDatabase } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { recordEvent } from "@/lib/events/record";
import { createMerchant } from "@/lib/merchants/create-merchant";
import { createEndpoint } from "@/lib/webhooks/create-endpoint";
import { startWebhookWorker } from "@/lib/webhooks/worker";

const RECEIVER = `
const http = require("node:http");
const { Webhook } = require("standardwebhooks");
const wh = new Webhook(process.argv[1]);
let verified = 0, failed = 0;
http.createServer((req, res) => {
  if (req.url === "/count") return res.end(JSON.stringify({ verified, failed }));
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    try { wh.verify(body, req.headers); verified++; res.writeHead(200).end("ok"); }
    catch { failed++; res.writeHead(400).end("bad signature"); }
  });
}).listen(0, "127.0.0.1", function () { console.log(this.address().port); });
`;

async function main() {
  const events = Number(process.env.BENCH_EVENTS ?? 2000);
  const concurrency = Number(process.env.WEBHOOK_CONCURRENCY ?? 16);
  const url = process.env.DATABASE_URL || "memory://";
  const handle = await openDatabase({ url, dataDir: ".data" });
  const { db } = handle;

  const { merchant } = await createMerchant(db, { name: "Bench" });
  const scope = { merchantId: merchant.id, livemode: false };
  // The secret is only known once the endpoint exists: give it a placeholder port, then move it.
  const endpoint = await createEndpoint(db, { scope, input: { url: "http://127.0.0.1:9/", events: ["*"], status: "enabled" }, now: new Date() });
  const receiver = spawn(process.execPath, ["-e", RECEIVER, endpoint.secret], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<string>((resolve) => readline.createInterface({ input: receiver.stdout! }).once("line", resolve));
  await db.update(webhookEndpoints).set({ url: `http://127.0.0.1:${port}/hook` }).where(eq(webhookEndpoints.id, endpoint.id));

  const queued = performance.now();
  for (let i = 0; i < events; i += 100) {
    await db.transaction(async (tx) => {
      for (let j = i; j < Math.min(events, i + 100); j++) {
        await recordEvent(tx, {
          ...scope,
          type: "checkout.session.created",
          object: { id: `cs_test_bench${j}`, object: "checkout.session", amount: 250000, currency: "NGN" },
          at: new Date(),
        });
      }
    });
  }
  const queueSeconds = (performance.now() - queued) / 1000;

  const started = performance.now();
  const worker = startWebhookWorker({
    db,
    concurrency,
    pollIntervalMs: 10,
    timeoutMs: 15_000,
    timeScale: 1,
    privateTargets: "test",
    log: pino({ level: "silent" }),
  });
  for (;;) {
    const [row] = await db.select({ n: count() }).from(webhookDeliveries).where(eq(webhookDeliveries.status, "pending"));
    if (row!.n === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - started) / 1000;
  await worker.stop();
  const counted = (await (await fetch(`http://127.0.0.1:${port}/count`)).json()) as { verified: number; failed: number };
  receiver.kill();
  await handle.close();

  process.stdout.write(
    `${handle.kind}: queued ${events} events in ${queueSeconds.toFixed(2)} s; delivered in ${seconds.toFixed(2)} s = ` +
      `${Math.round(events / seconds)} events/s (concurrency ${concurrency}); receiver verified ${counted.verified}, rejected ${counted.failed}\n`,
  );
  if (counted.verified !== events) process.exitCode = 1;
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
