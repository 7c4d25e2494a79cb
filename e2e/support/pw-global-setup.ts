// Playwright's stack: a fresh database, merchants made by the CLI, the Paystack emulator with
// the shop's live account connected to it, one production server.
// Tests read the URLs and keys from the environment set here.
import os from "node:os";
import path from "node:path";
import { startPaystackEmulator } from "./paystack";
import { serveInbox, startSmtp } from "./smtp";
import { connectPaystack, PAYSTACK_SERVER_ENV } from "./providers";
import { createMerchantViaCli, freshDatabase, startServer } from "./stack";

export default async function globalSetup() {
  const db = await freshDatabase();
  // A first start on the empty database makes the demo merchant the demo store sells for.
  await (await startServer(db)).stop();
  const shop = await createMerchantViaCli(db, "Acme Lagos", ["--brand-color", "#1d4ed8"]);
  const paystack = await startPaystackEmulator();
  const env = PAYSTACK_SERVER_ENV(paystack.url);
  // Before the server starts: with PGlite the server holds the database alone once it runs.
  // Only live: test-mode sessions stay in the sandbox, as the other specs expect.
  const live = await connectPaystack(db, paystack, shop, "live", env);
  const logFile = path.join(os.tmpdir(), `kassa-e2e-${process.pid}.log`);
  // Receipts and instructions go to a real SMTP server on loopback, its inbox readable over HTTP.
  const smtp = await startSmtp();
  const inbox = await serveInbox(smtp);
  const server = await startServer(db, { ...env, SMTP_URL: smtp.url, MAIL_FROM: "Acme Lagos <receipts@acme.example>" }, { logFile });
  // The emulator signs its webhooks to the account's webhookUrl, as set in Paystack's dashboard.
  await paystack.registerKey({ secretKey: live.secretKey, webhookUrl: live.webhookUrl.replace(/^https?:\/\/[^/]+/, server.url) });
  Object.assign(process.env, {
    KASSA_E2E_URL: server.url,
    KASSA_E2E_TEST_KEY: shop.testKey,
    KASSA_E2E_LIVE_KEY: shop.liveKey,
    KASSA_E2E_LOG: logFile,
    KASSA_E2E_DATABASE_URL: db.url ?? "",
    KASSA_E2E_PAYSTACK_URL: paystack.url,
    KASSA_E2E_PAYSTACK_ACCOUNT: live.id,
    KASSA_E2E_PAYSTACK_KEY: live.secretKey,
    KASSA_E2E_INBOX: inbox.url,
  });
  return async () => {
    await server.stop();
    await paystack.stop();
    await inbox.close();
    await smtp.close();
    await db.drop();
  };
}
