import { createMerchantViaCli, freshDatabase, startServer } from "./stack";

/** One server for the browser tests; its URL and keys reach the workers through the environment. */
export default async function globalSetup() {
  const db = await freshDatabase();
  const merchant = await createMerchantViaCli(db, "Acme Lagos", ["--brand-color", "#1d4ed8"]);
  const other = await createMerchantViaCli(db, "Other Shop");
  const server = await startServer(db);
  process.env.KASSA_E2E_URL = server.url;
  process.env.KASSA_E2E_KEY = merchant.testKey;
  process.env.KASSA_E2E_LIVE_KEY = merchant.liveKey;
  process.env.KASSA_E2E_OTHER_KEY = other.testKey;
  process.env.KASSA_E2E_DATABASE_URL = db.url ?? "";
  return async () => {
    await server.stop();
    await db.drop();
  };
}
