// SPEC 6: card numbers and CVCs are never stored or logged. Pays on a server of its own,
// then reads every row of every table and the whole server log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { createMerchantViaCli, freshDatabase, startServer, type Database, type Server } from "../support/stack";
import { CARD, client, sessionBody } from "../support/api";

const NUMBER = "4242424242424242";
const CVC = "123";

describe("card data at rest and in logs", () => {
  let db: Database;
  let server: Server;
  let key: string;

  beforeAll(async () => {
    db = await freshDatabase();
    key = (await createMerchantViaCli(db, "Secrets Shop")).testKey;
    server = await startServer(db, { LOG_LEVEL: "trace" });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it("keeps neither the number nor the CVC anywhere", async () => {
    const merchant = client(key, server.url);
    const buyer = client(null, server.url);
    const s = (await merchant.post("/api/v1/checkout/sessions", sessionBody())).body;
    // An invalid attempt (errors must not echo the number) and the real payment.
    const bad = await buyer.post(`/api/v1/checkout/${s.id}/pay`, { rail: "card", card: { ...CARD(NUMBER, CVC).card, expYear: 2001 } });
    expect(bad.status).toBe(400);
    expect(bad.text).not.toContain(NUMBER);
    const res = await buyer.post(`/api/v1/checkout/${s.id}/pay`, CARD(NUMBER, CVC));
    expect(res.body.status).toBe("paid");
    expect(res.text).not.toContain(NUMBER);
    await server.stop();

    const handle = await openDatabase({ url: db.url, dataDir: db.dataDir, poolSize: 1 });
    try {
      const names = rowsOf<{ table_name: string }>(
        await handle.db.execute(
          sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
        ),
      );
      expect(names.map((t) => t.table_name)).toContain("payments");
      let dump = "";
      for (const { table_name } of names) {
        const rows = await handle.db.execute(sql.raw(`select row_to_json(t)::text as j from "${table_name}" t`));
        for (const r of rowsOf<{ j: string }>(rows)) dump += `${r.j}\n`;
      }
      expect(dump).toMatch(/"last4":\s*"4242"/);
      expect(dump).toMatch(/"fingerprint":\s*"[0-9a-f]{64}"/);
      expect(dump).not.toContain(NUMBER);
      expect(dump).not.toMatch(/cvc/i);
      expect(dump).not.toMatch(new RegExp(`[:\\[,]\\s*"${CVC}"`));
    } finally {
      await handle.close();
    }
    const log = server.output();
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain(NUMBER);
    expect(log).not.toMatch(/cvc/i);
  });
});

/** PGlite answers {rows}, postgres-js an array. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
