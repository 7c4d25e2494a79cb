import { describe, expect, it } from "vitest";
import { client } from "../support/api";
import { cli, createMerchantViaCli, demoKeyFrom, freshDatabase, startServer, type Server } from "../support/stack";

// Each test boots whole servers on fresh databases: slow on a loaded 2-core machine.
describe("first start", { timeout: 180_000 }, () => {
  it("creates the demo merchant, prints its key and a curl that works, once", async () => {
    const db = await freshDatabase();
    const servers: Server[] = []; // stopped in finally, also when an assertion fails midway
    try {
      const server = await startServer(db);
      servers.push(server);
      const out = server.output();
      expect(out).toContain('demo merchant "Ìyá Àdùké Market"');
      const key = demoKeyFrom(out);
      const curl = /curl -s (\S+) \\\n\s+-H "Authorization: Bearer (\S+)" \\\n\s+-H "Content-Type: application\/json" \\\n\s+-d '([^']+)'/.exec(out);
      expect(curl).not.toBeNull();
      const [, url, curlKey, data] = curl!;
      expect(curlKey).toBe(key);
      const res = await client(curlKey!, new URL(url!).origin).request("POST", new URL(url!).pathname, {
        raw: data,
        headers: { "content-type": "application/json" },
      });
      expect(res.status).toBe(201);
      const session = res.body;
      const page = await (await fetch(session.checkoutUrl, { headers: { "accept-language": "en" } })).text();
      expect(page).toContain("₦2,500.00");
      expect(page).toContain("Ìyá Àdùké Market");
      // Nothing secret reaches the structured log lines.
      const logLines = out.split("\n").filter((l) => l.startsWith("{"));
      expect(logLines.length).toBeGreaterThan(0);
      expect(logLines.join("\n")).not.toContain(key);
      await server.stop();

      const again = await startServer(db);
      servers.push(again);
      expect(again.output()).not.toContain("sk_test_");
      // Its id, though, on every start: what `key create --merchant` needs.
      const demoId = /Demo merchant: "Ìyá Àdùké Market" \((mer_\w+)\)/.exec(again.output())?.[1];
      expect(demoId).toMatch(/^mer_/);
      expect(demoId).toBe(/demo merchant "Ìyá Àdùké Market" \((mer_\w+)\)/.exec(out)?.[1]);
      expect(again.output()).toContain(`key create --merchant ${demoId} --mode test`);
      const list = await client(key, again.url).get("/api/v1/checkout/sessions");
      expect(list.body.data).toHaveLength(1);
      await again.stop();
    } finally {
      for (const s of servers) await s.stop();
      await db.drop();
    }
  });

  it("still finds a demo merchant an older Kassa created as \"Demo Store\"", async () => {
    const db = await freshDatabase();
    try {
      const old = await createMerchantViaCli(db, "Demo Store");
      const server = await startServer(db);
      try {
        expect(server.output()).toContain(`Demo merchant: "Demo Store" (${old.id})`);
        expect(server.output()).not.toContain("sk_test_");
      } finally {
        await server.stop();
      }
    } finally {
      await db.drop();
    }
  });

  it("runs on an in-memory database", async () => {
    const server = await startServer({ url: "memory://", dataDir: "/nonexistent" }, { KASSA_DATA_DIR: "" });
    try {
      const health = (await client(null, server.url).get("/api/health")).body;
      expect(health).toEqual({ status: "ok", database: "pglite" });
      expect(server.output()).toContain("Ìyá Àdùké Market");
    } finally {
      await server.stop();
    }
  });

  it.each([
    [{ DATABASE_URL: "mysql://localhost/kassa" }, "DATABASE_URL"],
    [{ PUBLIC_URL: "not a url" }, "PUBLIC_URL"],
    [{ KASSA_SECRET: "short" }, "KASSA_SECRET"],
  ])("refuses to start with a clear message for %o", async (env, name) => {
    const db = await freshDatabase("pglite");
    try {
      const err = await startServer(db, env).then(
        () => null,
        (e: Error) => e,
      );
      expect(err?.message).toContain("Invalid configuration");
      expect(err?.message).toContain(name);
    } finally {
      await db.drop();
    }
  });
});

describe("operator CLI", { timeout: 180_000 }, () => {
  it("creates merchants and keys, and revoked keys stop working", async () => {
    const db = await freshDatabase();
    try {
      const m = await createMerchantViaCli(db, "Acme");
      expect(m).toEqual({
        id: expect.stringMatching(/^mer_/),
        name: "Acme",
        testKey: expect.stringMatching(/^sk_test_[0-9A-Za-z]{32}$/),
        liveKey: expect.stringMatching(/^sk_live_[0-9A-Za-z]{32}$/),
      });
      const created = JSON.parse((await cli(db, ["key", "create", "--merchant", m.id, "--mode", "test", "--json"])).stdout);
      expect(created.key).toMatch(/^sk_test_/);
      const revoked = JSON.parse((await cli(db, ["key", "revoke", created.key.slice(0, 14), "--json"])).stdout);
      expect(revoked).toMatchObject({ id: created.id, revoked: true });

      const server = await startServer(db);
      try {
        const auth = (key: string) => client(key, server.url).get("/api/v1/checkout/sessions");
        expect((await auth(created.key)).status).toBe(401);
        expect((await auth(m.testKey)).status).toBe(200);
        expect((await auth(m.liveKey)).status).toBe(200);
        expect(server.output()).not.toContain("Ìyá Àdùké Market");

        if (db.url) {
          // On PostgreSQL the CLI works beside a running server, and the server sees the change at once.
          await cli(db, ["key", "revoke", m.testKey.slice(0, 14)]);
          expect((await auth(m.testKey)).status).toBe(401);
        } else {
          // PGlite is one process's: the CLI says so instead of corrupting it.
          const refused = await cli(db, ["key", "create", "--merchant", m.id, "--mode", "test"]).then(
            () => null,
            (e: { code: number; stderr: string }) => e,
          );
          expect(refused?.code).toBe(2);
          expect(refused?.stderr).toContain("held by a running Kassa server");
        }
      } finally {
        await server.stop();
      }
    } finally {
      await db.drop();
    }
  });

  it("lists merchants and keys, updates a merchant's look and rails, and revokes a key given whole", async () => {
    const db = await freshDatabase();
    try {
      const m = await createMerchantViaCli(db, "Acme");
      const other = await createMerchantViaCli(db, "Bolt", ["--rails", "card,pix"]);
      const merchants = JSON.parse((await cli(db, ["merchant", "list", "--json"])).stdout).data;
      expect(merchants).toEqual([
        expect.objectContaining({ id: m.id, name: "Acme", testKeys: 1, liveKeys: 1 }),
        expect.objectContaining({ id: other.id, name: "Bolt", rails: ["card", "pix"], testKeys: 1, liveKeys: 1 }),
      ]);
      expect((await cli(db, ["merchant", "list"])).stdout).toContain(`${other.id}  Bolt`);

      const updated = JSON.parse(
        (await cli(db, ["merchant", "update", m.id, "--name", "Acme Lagos", "--brand-color", "#0F766E", "--logo-url", "https://acme.example/logo.png", "--rails", "card,transfer", "--json"])).stdout,
      );
      expect(updated).toMatchObject({ id: m.id, name: "Acme Lagos", brandColor: "#0f766e", logoUrl: "https://acme.example/logo.png", rails: ["card", "transfer"], autoRefundDuplicates: true });
      // What is not given stays; an empty value removes the logo.
      const again = JSON.parse((await cli(db, ["merchant", "update", m.id, "--logo-url", "", "--json"])).stdout);
      expect(again).toMatchObject({ name: "Acme Lagos", logoUrl: null, brandColor: "#0f766e", rails: ["card", "transfer"] });

      const server = await startServer(db);
      try {
        // The page and the API see the change.
        const s = await client(m.testKey, server.url).post("/api/v1/checkout/sessions", { amount: 250000, currency: "NGN", successUrl: "https://shop.example.com/ok" });
        expect(s.status).toBe(201);
        expect(s.body.paymentMethods).toEqual(["card", "transfer"]);
        expect(await (await fetch(s.body.checkoutUrl)).text()).toContain("Acme Lagos");
      } finally {
        await server.stop();
      }

      const extra = JSON.parse((await cli(db, ["key", "create", "--merchant", m.id, "--mode", "live", "--json"])).stdout);
      const revoked = JSON.parse((await cli(db, ["key", "revoke", extra.key, "--json"])).stdout);
      expect(revoked).toMatchObject({ id: extra.id, revoked: true });
      const keys = JSON.parse((await cli(db, ["key", "list", "--merchant", m.id, "--json"])).stdout).data;
      expect(keys).toHaveLength(3);
      expect(keys[0]).toMatchObject({ id: extra.id, mode: "live", prefix: extra.key.slice(0, 14), revokedAt: expect.any(String) });
      expect(keys.filter((k: { revokedAt: string | null }) => k.revokedAt === null).map((k: { mode: string }) => k.mode).sort()).toEqual(["live", "test"]);
      // A list never shows a secret: only the prefix is kept.
      expect(JSON.stringify(keys)).not.toContain(m.testKey);
      expect((await cli(db, ["key", "list", "--merchant", m.id])).stdout).toContain(`${extra.id}  live  ${extra.key.slice(0, 14)}…`);
    } finally {
      await db.drop();
    }
  });

  it.each([
    [["merchant", "update", "mer_nobody", "--name", "X"], "No merchant mer_nobody"],
    [["merchant", "update", "mer_x"], "Nothing to change"],
    [["merchant", "update", "mer_x", "--brand-color", "teal"], "--brand-color"],
    [["merchant", "update", "mer_x", "--rails", "card,cash"], "Unknown rail(s): cash"],
    [["merchant", "update", "mer_x", "--auto-refund-duplicates", "maybe"], "--auto-refund-duplicates must be true or false"],
    [["key", "list", "--merchant", "mer_nobody"], "No merchant mer_nobody"],
    [["key", "revoke", "sk_test_0123456789abcdefghijABCDEFGHIJ01"], "No key matches"],
    [["merchant", "create", "--json"], "--name is required"],
    [["merchant", "create", "--name", "X", "--brand-color", "red"], "--brand-color"],
    [["merchant", "create", "--name", "X", "--rails", "card,cash"], "Unknown rail(s): cash"],
    [["key", "create", "--merchant", "mer_nobody", "--mode", "test"], "No merchant mer_nobody"],
    [["key", "create", "--merchant", "mer_x", "--mode", "prod"], "--mode must be test or live"],
    [["key", "revoke", "sk_test_"], "No key matches"],
    [["frobnicate"], "Unknown command"],
  ])("explains %j", async (args, message) => {
    const db = await freshDatabase("pglite");
    try {
      const err = await cli(db, args).then(
        () => null,
        (e: { code: number; stderr: string }) => e,
      );
      expect(err?.code).toBe(2);
      expect(err?.stderr).toContain(message);
    } finally {
      await db.drop();
    }
  });
});
