import type { Database } from "@/db/client";
import { countMerchants, findMerchantNamed } from "@/db/queries/merchants";
import { deleteIdempotencyKeysBefore } from "@/db/queries/idempotency";
import { IDEMPOTENCY_RETENTION_MS } from "@/lib/api/idempotency";
import { sweepExpiredSessions } from "@/lib/checkout/expire-session";
import { reconcileDue } from "@/lib/checkout/reconcile";
import { reconcileRefundsDue } from "@/lib/checkout/read-back-refund";
import { now } from "@/lib/clock";
import { databaseHandle } from "@/lib/db";
import { env, publicUrl } from "@/lib/env";
import { log } from "@/lib/log";
import { createMerchant } from "@/lib/merchants/create-merchant";
import { DEMO_MERCHANT_NAME, LEGACY_DEMO_MERCHANT_NAMES, demoTestKey } from "@/lib/merchants/demo";
import { listenForKeyChanges } from "@/lib/merchants/keys";
import { warmRateLimits } from "@/lib/security/rate-limit";
import { serverSecret } from "@/lib/security/secret";
import { mailWorkerSettings, startMailWorker } from "@/lib/mail/worker";
import { startWebhookWorker, webhookWorkerSettings } from "@/lib/webhooks/worker";
import { processState } from "@/lib/process-state";

/** First start on an empty database: a demo merchant, its test key printed once. */
export async function ensureDemoMerchant(db: Database): Promise<void> {
  if ((await countMerchants(db)) > 0) return sayDemoMerchant(db);
  let created;
  try {
    created = await createMerchant(db, { name: DEMO_MERCHANT_NAME, brandColor: "#0f766e", testKeySecret: demoTestKey() });
  } catch (err) {
    // Several instances starting on one empty database: the first one's demo merchant wins.
    if ((await countMerchants(db)) > 0) return;
    throw err;
  }
  const { merchant, testKey } = created;
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
      "  then open the checkoutUrl it returns, or try the demo store:",
      "",
      `    ${url}/demo`,
      "",
    ].join("\n") + "\n",
  );
}

/** The demo merchant by its name, or by the name it had when an older Kassa created it. */
async function findDemoMerchant(db: Database) {
  for (const name of [DEMO_MERCHANT_NAME, ...LEGACY_DEMO_MERCHANT_NAMES]) {
    const found = await findMerchantNamed(db, name);
    if (found) return found;
  }
  return null;
}

/** Every later start: the demo merchant's id (its key was shown once), and how to get another key. */
async function sayDemoMerchant(db: Database): Promise<void> {
  const demo = await findDemoMerchant(db);
  if (!demo) return;
  process.stdout.write(
    [
      "",
      `  Demo merchant: "${demo.name}" (${demo.id}). Its test key was shown on the first start; another one:`,
      `    npm run kassa -- key create --merchant ${demo.id} --mode test`,
      "  (on the embedded database, with the server stopped)",
      "",
    ].join("\n") + "\n",
  );
}

/** One pass of the sweep: expire what is due, forget idempotency keys past their retention. */
export async function sweepOnce(db: Database): Promise<void> {
  const at = now();
  const expired = await sweepExpiredSessions(db, at);
  if (expired > 0) log.info({ expired }, "expiry sweep");
  await deleteIdempotencyKeysBefore(db, new Date(at.getTime() - IDEMPOTENCY_RETENTION_MS));
}

/** One pass of reconciliation: asks the processors about the payments and refunds due for a look. */
export async function reconcileOnce(db: Database): Promise<void> {
  const settled = await reconcileDue(db, now());
  if (settled > 0) log.info({ settled }, "reconciliation");
  const refunds = await reconcileRefundsDue(db, now());
  if (refunds > 0) log.info({ refunds }, "refund reconciliation");
}

/** Runs `job` every `ms`, never two passes at once. */
function every(ms: number, name: string, job: (db: Database) => Promise<void>): void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await job((await databaseHandle()).db);
    } catch (err) {
      log.error({ err }, `${name} failed`);
    } finally {
      running = false;
    }
  };
  setInterval(tick, ms).unref();
}

/** The expiry sweep, idempotency cleanup, reconciliation and the outbox workers (boot runs this once per process). */
function startBackgroundJobs(): void {
  every(env().EXPIRY_SWEEP_INTERVAL_MS, "background sweep", sweepOnce);
  every(env().RECONCILE_INTERVAL_MS, "reconciliation", reconcileOnce);
  if (env().WEBHOOK_WORKER === "1") {
    startServerWebhookWorker();
    startServerMailWorker();
  }
}

/** The mail worker inside a server process, when SMTP_URL is set; it stops claiming on SIGTERM. */
function startServerMailWorker(): void {
  const settings = mailWorkerSettings();
  if (!settings) return;
  databaseHandle().then(
    ({ db }) => {
      const worker = startMailWorker({ db, log, ...settings });
      process.once("SIGTERM", () => void worker.stop());
    },
    (err) => log.error({ err }, "mail worker could not start"),
  );
}

/**
 * The webhook worker inside a server process. On SIGTERM it stops claiming at once; Next.js
 * exits when its HTTP requests are done, and a send cut short is retried when its lease ends.
 */
function startServerWebhookWorker(): void {
  databaseHandle().then(
    ({ db }) => {
      const worker = startWebhookWorker({ db, ...webhookWorkerSettings(), log });
      process.once("SIGTERM", () => void worker.stop());
    },
    (err) => log.error({ err }, "webhook worker could not start"),
  );
}

const booted = processState<Promise<void>>("booted");

/** Once per process, whoever asks first (lib/server/main.ts, or instrumentation.ts under `next start`). */
export function bootServer(): Promise<void> {
  booted.value ??= boot();
  return booted.value;
}

async function boot(): Promise<void> {
  const handle = await databaseHandle();
  // Fails now, with the reason, rather than at the first card payment.
  serverSecret();
  await warmRateLimits();
  await listenForKeyChanges(handle);
  await ensureDemoMerchant(handle.db);
  startBackgroundJobs();
  log.info({ database: handle.kind, publicUrl: publicUrl() }, "kassa ready");
}

