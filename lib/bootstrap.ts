import type { Database } from "@/db/client";
import { countMerchants } from "@/db/queries/merchants";
import { deleteIdempotencyKeysBefore } from "@/db/queries/idempotency";
import { IDEMPOTENCY_RETENTION_MS } from "@/lib/api/idempotency";
import { sweepExpiredSessions } from "@/lib/checkout/expire-session";
import { now } from "@/lib/clock";
import { databaseHandle } from "@/lib/db";
import { env, publicUrl } from "@/lib/env";
import { log } from "@/lib/log";
import { createMerchant } from "@/lib/merchants/create-merchant";
import { warmRateLimits } from "@/lib/security/rate-limit";
import { serverSecret } from "@/lib/security/secret";

/** First start on an empty database: a demo merchant, its test key printed once. */
export async function ensureDemoMerchant(db: Database): Promise<void> {
  if ((await countMerchants(db)) > 0) return;
  const { merchant, testKey } = await createMerchant(db, { name: "Demo Store", brandColor: "#0f766e" });
  const url = publicUrl();
  // Printed to the terminal, never to the structured log: the secret must not reach log storage.
  process.stdout.write(
    [
      "",
      `  Kassa created the demo merchant "${merchant.name}" (${merchant.id}).`,
      `  Its test secret key (shown once, keep it):`,
      "",
      `    ${testKey.secret}`,
      "",
      "  Create a checkout session:",
      "",
      `    curl -s ${url}/api/v1/checkout/sessions \\`,
      `      -H "Authorization: Bearer ${testKey.secret}" \\`,
      `      -H "Content-Type: application/json" \\`,
      `      -d '{"amount": 250000, "currency": "NGN", "description": "Order #1001", "successUrl": "${url}/demo/success?session={CHECKOUT_SESSION_ID}"}'`,
      "",
      "  then open the checkoutUrl it returns.",
      "",
    ].join("\n") + "\n",
  );
}

const g = globalThis as unknown as { __kassaBackground?: boolean };

/** The expiry sweep and idempotency cleanup, started once per process. */
export function startBackgroundJobs(): void {
  if (g.__kassaBackground) return;
  g.__kassaBackground = true;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const { db } = await databaseHandle();
      const at = now();
      const expired = await sweepExpiredSessions(db, at);
      if (expired > 0) log.info({ expired }, "expiry sweep");
      await deleteIdempotencyKeysBefore(db, new Date(at.getTime() - IDEMPOTENCY_RETENTION_MS));
    } catch (err) {
      log.error({ err }, "background sweep failed");
    } finally {
      running = false;
    }
  };
  setInterval(tick, env().EXPIRY_SWEEP_INTERVAL_MS).unref();
}

export async function bootServer(): Promise<void> {
  const handle = await databaseHandle();
  // Fails now, with the reason, rather than at the first card payment.
  serverSecret();
  await warmRateLimits();
  await ensureDemoMerchant(handle.db);
  startBackgroundJobs();
  log.info({ database: handle.kind, publicUrl: publicUrl() }, "kassa ready");
}

/** A server that cannot reach its database or read its configuration stops with the reason. */
export async function bootServerOrExit(): Promise<void> {
  try {
    await bootServer();
  } catch (err) {
    process.stderr.write(`\nKassa cannot start: ${err instanceof Error ? err.message : String(err)}\n\n`);
    process.exit(1);
  }
}
