// SPEC 6: logs are structured JSON with the request id, the errors that escape a page too.
// A server of its own, whose database is given a row no page can render (a currency code
// that Intl refuses), the way a hand-edited or half-migrated database would hold one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { createMerchantViaCli, freshDatabase, startServer, type Database, type Server } from "../support/stack";
import { client, sessionBody } from "../support/api";

describe("an error that escapes a page", () => {
  let db: Database;
  let server: Server | undefined;
  let sessionId: string;

  beforeAll(async () => {
    db = await freshDatabase();
    const key = (await createMerchantViaCli(db, "Broken Shop")).testKey;
    const first = await startServer(db);
    const created = await client(key, first.url).post("/api/v1/checkout/sessions", sessionBody());
    expect(created.status).toBe(201);
    sessionId = created.body.id;
    await first.stop();
    const handle = await openDatabase({ url: db.url, dataDir: db.dataDir, poolSize: 1 });
    try {
      await handle.db.execute(sql`update checkout_sessions set currency = '1$' where id = ${sessionId}`);
    } finally {
      await handle.close();
    }
    server = await startServer(db);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it("is logged as one JSON line with the request id, never as plain text", async () => {
    const res = await fetch(`${server!.url}/checkout/${sessionId}?notice=x`);
    expect(res.status).toBe(500);
    const requestId = res.headers.get("request-id");
    expect(requestId).toMatch(/^req_/);
    await expect.poll(() => server!.output()).toContain(requestId);

    const lines = server!.output().split("\n").filter(Boolean);
    const plain = lines.filter((l) => !l.startsWith("{"));
    expect(plain.filter((l) => /Invalid currency code|RangeError/.test(l))).toEqual([]);
    const logged = lines
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l))
      .filter((l) => l.requestId === requestId);
    expect(logged).toEqual([
      expect.objectContaining({
        level: 50,
        msg: "request failed",
        method: "GET",
        path: `/checkout/${sessionId}`,
        err: expect.objectContaining({ name: "RangeError", message: expect.stringContaining("Invalid currency code") }),
      }),
    ]);
  });
});
