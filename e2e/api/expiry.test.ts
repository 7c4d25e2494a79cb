import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { client, sessionBody } from "../support/api";
import { createMerchantViaCli, freshDatabase, startServer, type Database, type Server } from "../support/stack";

async function waitFor<T>(fn: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("expiry applied on read (sweep off)", () => {
  let db: Database;
  let server: Server;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    db = await freshDatabase();
    const m = await createMerchantViaCli(db, "Expiry Shop");
    server = await startServer(db, { EXPIRY_SWEEP_INTERVAL_MS: "3600000" });
    api = client(m.testKey, server.url);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it("shows a session past its deadline as expired, with exactly one event", async () => {
    const s = (await api.post("/api/v1/checkout/sessions", sessionBody({ expiresIn: 300 }))).body;
    const justBefore = await api.post("/api/v1/test/clock", { advanceSeconds: 299 });
    expect(justBefore.status).toBe(200);
    expect((await api.get(`/api/v1/checkout/sessions/${s.id}`)).body.status).toBe("open");
    await api.post("/api/v1/test/clock", { advanceSeconds: 2 });
    const [r1, r2] = await Promise.all([
      api.get(`/api/v1/checkout/sessions/${s.id}`),
      api.get(`/api/v1/checkout/sessions/${s.id}`),
    ]);
    expect(r1.body.status).toBe("expired");
    expect(r2.body.status).toBe("expired");
    const events = (await api.get("/api/v1/events?type=checkout.session.expired")).body.data;
    expect(events.filter((e: any) => e.data.object.id === s.id)).toHaveLength(1);
    expect(events[0].data.object.status).toBe("expired");
  });

  it("applies expiry in lists, on the page and before a cancel", async () => {
    const a = (await api.post("/api/v1/checkout/sessions", sessionBody({ expiresIn: 300, clientReferenceId: "exp-list" }))).body;
    const b = (await api.post("/api/v1/checkout/sessions", sessionBody({ expiresIn: 300 }))).body;
    const c = (await api.post("/api/v1/checkout/sessions", sessionBody({ expiresIn: 300 }))).body;
    await api.post("/api/v1/test/clock", { advanceSeconds: 301 });
    const list = await api.get("/api/v1/checkout/sessions?clientReferenceId=exp-list");
    expect(list.body.data.map((s: any) => [s.id, s.status])).toEqual([[a.id, "expired"]]);
    const cancel = await api.post(`/api/v1/checkout/sessions/${b.id}/cancel`);
    expect(cancel.status).toBe(409);
    expect(cancel.body.error.message).toContain("expired");
    const page = await fetch(c.checkoutUrl, { headers: { "accept-language": "en" } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("This checkout has expired");
    expect((await api.get(`/api/v1/checkout/sessions/${c.id}`)).body.status).toBe("expired");
  });

  it("forgets an Idempotency-Key after 24 hours", async () => {
    const key = `retention-${Date.now()}`;
    const first = await api.post("/api/v1/checkout/sessions", sessionBody({ amount: 100 }), { "idempotency-key": key });
    expect(first.status).toBe(201);
    await api.post("/api/v1/test/clock", { advanceSeconds: 23 * 3600 });
    const reused = await api.post("/api/v1/checkout/sessions", sessionBody({ amount: 200 }), { "idempotency-key": key });
    expect(reused.status).toBe(422);
    await api.post("/api/v1/test/clock", { advanceSeconds: 3601 });
    const fresh = await api.post("/api/v1/checkout/sessions", sessionBody({ amount: 200 }), { "idempotency-key": key });
    expect(fresh.status).toBe(201);
    expect(fresh.body.id).not.toBe(first.body.id);
  });

  it("honours expiresAt", async () => {
    const s = (await api.post("/api/v1/checkout/sessions", sessionBody({ expiresIn: undefined }))).body;
    expect(Date.parse(s.expiresAt) - Date.parse(s.createdAt)).toBe(1800_000);
    await api.post("/api/v1/test/clock", { advanceSeconds: 1799 });
    expect((await api.get(`/api/v1/checkout/sessions/${s.id}`)).body.status).toBe("open");
    await api.post("/api/v1/test/clock", { advanceSeconds: 2 });
    expect((await api.get(`/api/v1/checkout/sessions/${s.id}`)).body.status).toBe("expired");
  });
});

describe("background expiry sweep", () => {
  it("expires sessions nobody reads", async () => {
    const api = client(inject("merchantA").testKey);
    const s = (await api.post("/api/v1/checkout/sessions", sessionBody({ expiresIn: 300 }))).body;
    await api.post("/api/v1/test/clock", { advanceSeconds: 301 });
    // Only the event list is read: the session itself is never fetched.
    const event = await waitFor(async () => {
      const res = await api.get("/api/v1/events?type=checkout.session.expired&limit=100");
      return res.body.data.find((e: any) => e.data.object.id === s.id);
    });
    expect(event.data.object.status).toBe("expired");
  });

  it("refuses the test clock to live keys", async () => {
    const res = await client(inject("merchantA").liveKey).post("/api/v1/test/clock", { advanceSeconds: 10 });
    expect(res.status).toBe(404);
  });
});
