// `npm run worker`: the webhook worker and the expiry sweep without a web server, for installs
// that run them apart (set WEBHOOK_WORKER=0 on the web instances then). Any number may run
// against one PostgreSQL database; an embedded database belongs to one process only.
import { openDatabase } from "@/db/client";
import { reconcileOnce, sweepOnce } from "@/lib/boot/boot";
import { claimDataDir, dataDir, dataDirHolder } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { mailWorkerSettings, startMailWorker } from "@/lib/mail/worker";
import { startWebhookWorker, webhookWorkerSettings } from "@/lib/webhooks/worker";

class WorkerError extends Error {}

async function main(): Promise<void> {
  const { DATABASE_URL: url, EXPIRY_SWEEP_INTERVAL_MS, RECONCILE_INTERVAL_MS } = env();
  if (url === "memory://") {
    throw new WorkerError("DATABASE_URL=memory:// is private to one server process; a separate worker cannot reach it.");
  }
  if (!url) {
    const holder = dataDirHolder(dataDir());
    if (holder !== null) {
      throw new WorkerError(
        `The embedded database in ${dataDir()} is held by a running Kassa server (pid ${holder}), which already ` +
          `delivers webhooks itself.\nAn embedded database serves one process only: stop the server first, or run ` +
          `Kassa on PostgreSQL (DATABASE_URL=postgres://…) to run workers beside it.`,
      );
    }
    claimDataDir(dataDir());
  }

  const handle = await openDatabase({ url, dataDir: dataDir() });
  const settings = webhookWorkerSettings();
  const worker = startWebhookWorker({ db: handle.db, ...settings, log });
  const mailSettings = mailWorkerSettings();
  const mailer = mailSettings && startMailWorker({ db: handle.db, log, ...mailSettings });
  let sweeping = Promise.resolve();
  const sweep = setInterval(() => {
    sweeping = sweeping.then(() => sweepOnce(handle.db)).catch((err) => log.error({ err }, "background sweep failed"));
  }, EXPIRY_SWEEP_INTERVAL_MS);
  let reconciling = Promise.resolve();
  const reconcile = setInterval(() => {
    reconciling = reconciling.then(() => reconcileOnce(handle.db)).catch((err) => log.error({ err }, "reconciliation failed"));
  }, RECONCILE_INTERVAL_MS);
  log.info({ database: handle.kind, ...settings }, "kassa worker ready");

  // The handlers stay installed: a repeated signal must not kill the worker while it drains.
  await new Promise<void>((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, "kassa worker stopping: finishing the deliveries in flight");
      resolve();
    };
    process.on("SIGTERM", onSignal);
    process.on("SIGINT", onSignal);
  });
  clearInterval(sweep);
  clearInterval(reconcile);
  await Promise.all([worker.stop(), mailer?.stop()]);
  await sweeping;
  await reconciling;
  await handle.close();
  log.info({ attempted: worker.attempted }, "kassa worker stopped");
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    const message =
      err instanceof WorkerError || (err instanceof Error && err.message.startsWith("Invalid configuration"))
        ? err.message
        : `Unexpected error: ${err instanceof Error ? err.message : String(err)}`;
    process.stderr.write(`kassa worker: ${message}\n`);
    process.exit(err instanceof WorkerError ? 2 : 1);
  },
);
