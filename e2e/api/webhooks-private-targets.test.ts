// SPEC 6: WEBHOOK_PRIVATE_TARGETS. Where it is `never` (the default on PostgreSQL), a test-mode
// endpoint follows the live rules on addresses: refused when saved, and not sent to when it
// was saved before. Servers of their own, one after the other on one database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, sessionBody } from "../support/api";
import { startReceiver, type Receiver } from "../support/receiver";
import { createMerchantViaCli, freshDatabase, startServer, type Database, type Server } from "../support/stack";
import { waitFor } from "../support/wait";

const SHARED_INSTALL = "test endpoints on this install must be reachable on the public internet";

let db: Database;
let key: string;
let receiver: Receiver;
let server: Server | undefined;

beforeAll(async () => {
  db = await freshDatabase();
  key = (await createMerchantViaCli(db, "Private Targets Shop")).testKey;
  receiver = await startReceiver();
});
afterAll(async () => {
  await server?.stop();
  await receiver?.stop();
  await db?.drop();
});

async function restart(setting: string) {
  await server?.stop();
  server = await startServer(db, { WEBHOOK_PRIVATE_TARGETS: setting });
  return client(key, server.url);
}

describe("WEBHOOK_PRIVATE_TARGETS", () => {
  let saved: { id: string; secret: string };

  it("lets a test endpoint target this machine where it is `test`", async () => {
    const api = await restart("test");
    const res = await api.post("/api/v1/webhook-endpoints", { url: receiver.url("/saved-before"), events: ["*"] });
    expect(res.status).toBe(201);
    saved = res.body;
    await receiver.route("/saved-before", { secret: saved.secret });
  });

  it("refuses loopback and private test endpoints when saved where it is `never`", async () => {
    const api = await restart("never");
    for (const url of [receiver.url("/new"), "http://localhost:9/hook", "http://10.0.0.1/hook", "http://[::1]:9/hook", "http://192.168.1.10/hook"]) {
      const res = await api.post("/api/v1/webhook-endpoints", { url, events: ["*"] });
      expect(res.status, url).toBe(400);
      expect(res.body.error).toMatchObject({ type: "validation_error", code: "invalid_request" });
      expect(res.body.error.issues).toEqual([{ path: ["url"], code: "custom", message: expect.stringContaining(SHARED_INSTALL) }]);
    }
    const moved = await api.request("PATCH", `/api/v1/webhook-endpoints/${saved.id}`, { body: { url: receiver.url("/moved") } });
    expect(moved.status).toBe(400);
    expect(moved.body.error.issues[0].message).toContain(SHARED_INSTALL);
    // The public internet is still fine, over http too, in test mode.
    const pub = await api.post("/api/v1/webhook-endpoints", { url: "http://1.1.1.1/kassa", events: ["*"], status: "disabled" });
    expect(pub.status).toBe(201);
    expect((await api.request("DELETE", `/api/v1/webhook-endpoints/${pub.body.id}`)).status).toBe(200);
  });

  it("does not send to an endpoint saved before, and says why in its deliveries", async () => {
    const api = client(key, server!.url);
    const session = await api.post("/api/v1/checkout/sessions", sessionBody());
    expect(session.status).toBe(201);
    const attempts = await waitFor(async () => {
      const list = await api.get(`/api/v1/webhook-endpoints/${saved.id}/deliveries`);
      const withError = (list.body.data as any[]).filter((d) => JSON.stringify(d).includes(SHARED_INSTALL));
      return withError.length > 0 ? withError : undefined;
    });
    expect(JSON.stringify(attempts[0])).toContain("127.0.0.1 is a loopback address");
    expect(await receiver.requests("/saved-before")).toEqual([]);
  });

  it(`defaults to ${process.env.TEST_DATABASE_URL ? "never on PostgreSQL" : "test on the embedded database"}`, async () => {
    const api = await restart("");
    const res = await api.post("/api/v1/webhook-endpoints", { url: receiver.url("/default"), events: ["*"] });
    if (db.url) {
      expect(res.status).toBe(400);
      expect(res.body.error.issues[0].message).toContain(SHARED_INSTALL);
    } else {
      expect(res.status).toBe(201);
      expect((await api.request("DELETE", `/api/v1/webhook-endpoints/${res.body.id}`)).status).toBe(200);
    }
  });
});
