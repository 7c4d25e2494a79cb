import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startPaystackEmulator } from "./paystack";
import { connectPaystack, PAYSTACK_SERVER_ENV, type PaystackAccount } from "./providers";
import { createMerchantViaCli, freshDatabase, startServer, type MerchantKeys } from "./stack";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseKind: "postgres" | "pglite";
    databaseUrl: string;
    dataDir: string;
    merchantA: MerchantKeys;
    merchantB: MerchantKeys;
    /** Takes its test-mode payments through Paystack (the emulator), not the sandbox. */
    merchantP: MerchantKeys;
    serverPid: number;
    paystackUrl: string;
    /** Everything the shared server wrote to stdout and stderr. */
    serverLog: string;
    /** merchantA's live Paystack account and merchantP's test-mode one. */
    paystackLive: PaystackAccount;
    paystackTest: PaystackAccount;
  }
}

/**
 * One shared server for the integration files: three merchants made with the CLI first, and
 * Paystack accounts connected with it (the emulator standing in for Paystack): merchant A's
 * live one, so live NGN sessions take money, and merchant P's test-mode one.
 */
export default async function setup(project: TestProject) {
  const db = await freshDatabase();
  const paystack = await startPaystackEmulator();
  const merchantA = await createMerchantViaCli(db, "Acme Lagos", ["--brand-color", "#1d4ed8"]);
  const merchantB = await createMerchantViaCli(db, "Other Shop");
  const merchantP = await createMerchantViaCli(db, "Paystack Test Shop");
  const env = PAYSTACK_SERVER_ENV(paystack.url);
  const paystackLive = await connectPaystack(db, paystack, merchantA, "live", env);
  const paystackTest = await connectPaystack(db, paystack, merchantP, "test", env);
  const serverLog = path.join(db.dataDir, "..", `${path.basename(db.dataDir)}-server.log`);
  const server = await startServer(db, env, { logFile: serverLog });
  // The emulator signs its webhooks to each account's webhookUrl (as set in Paystack's dashboard).
  for (const a of [paystackLive, paystackTest]) await paystack.registerKey({ secretKey: a.secretKey, webhookUrl: a.webhookUrl.replace(/^https?:\/\/[^/]+/, server.url) });
  project.provide("baseUrl", server.url);
  project.provide("databaseKind", db.url ? "postgres" : "pglite");
  project.provide("databaseUrl", db.url ?? "");
  project.provide("dataDir", db.dataDir);
  project.provide("merchantA", merchantA);
  project.provide("merchantB", merchantB);
  project.provide("merchantP", merchantP);
  project.provide("serverPid", server.pid);
  project.provide("paystackUrl", paystack.url);
  project.provide("serverLog", serverLog);
  project.provide("paystackLive", paystackLive);
  project.provide("paystackTest", paystackTest);
  return async () => {
    await server.stop();
    await paystack.stop();
    await db.drop();
    fs.rmSync(serverLog, { force: true });
  };
}
