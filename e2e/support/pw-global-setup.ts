// Playwright's stack: a fresh database, merchants made by the CLI, one production server.
// Tests read the URL and keys from the environment set here.
import os from "node:os";
import path from "node:path";
import { createMerchantViaCli, freshDatabase, startServer } from "./stack";

export default async function globalSetup() {
  const db = await freshDatabase();
  // A first start on the empty database makes the demo merchant the demo store sells for.
  await (await startServer(db)).stop();
  const shop = await createMerchantViaCli(db, "Acme Lagos", ["--brand-color", "#1d4ed8"]);
  const logFile = path.join(os.tmpdir(), `kassa-e2e-${process.pid}.log`);
  const server = await startServer(db, {}, { logFile });
  Object.assign(process.env, {
    KASSA_E2E_URL: server.url,
    KASSA_E2E_TEST_KEY: shop.testKey,
    KASSA_E2E_LIVE_KEY: shop.liveKey,
    KASSA_E2E_LOG: logFile,
    KASSA_E2E_DATABASE_URL: db.url ?? "",
  });
  return async () => {
    await server.stop();
    await db.drop();
  };
}
