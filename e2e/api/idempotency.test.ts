import { randomUUID } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { client, sessionBody } from "../support/api";

const A = () => client(inject("merchantA").testKey);
const B = () => client(inject("merchantB").testKey);

describe("Idempotency-Key", () => {
  it("replays the first response byte for byte", async () => {
    const key = randomUUID();
    const body = sessionBody({ metadata: { b: "2", a: "1" } });
    const first = await A().post("/api/v1/checkout/sessions", body, { "idempotency-key": key });
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    // Same parameters in another key order are the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const second = await A().post("/api/v1/checkout/sessions", reordered, { "idempotency-key": key });
    expect(second.status).toBe(201);
    expect(second.text).toBe(first.text);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.headers.get("request-id")).not.toBe(first.headers.get("request-id"));
    const list = await A().get(`/api/v1/events?limit=100`);
    expect(list.body.data.filter((e: any) => e.data.object.id === first.body.id)).toHaveLength(1);
  });

  it("accepts the key as a body field too", async () => {
    const key = randomUUID();
    const body = sessionBody();
    const first = await A().post("/api/v1/checkout/sessions", { ...body, idempotencyKey: key });
    const second = await A().post("/api/v1/checkout/sessions", body, { "idempotency-key": key });
    expect(first.status).toBe(201);
    expect(second.text).toBe(first.text);
    expect(first.body.idempotencyKey).toBeUndefined();
  });

  it("is 422 when the same key comes with other parameters", async () => {
    const key = randomUUID();
    await A().post("/api/v1/checkout/sessions", sessionBody({ amount: 100 }), { "idempotency-key": key });
    const res = await A().post("/api/v1/checkout/sessions", sessionBody({ amount: 200 }), { "idempotency-key": key });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ type: "idempotency_error", code: "idempotency_key_reused" });
  });

  it("is 400 when header and body field differ", async () => {
    const res = await A().post("/api/v1/checkout/sessions", { ...sessionBody(), idempotencyKey: "a" }, { "idempotency-key": "b" });
    expect(res.status).toBe(400);
    expect(res.body.error.type).toBe("validation_error");
  });

  it.each([
    ["too long", "k".repeat(256)],
    ["non-ASCII", "clé-é"],
  ])("is 400 for a key that is %s", async (_n, key) => {
    const res = await A().post("/api/v1/checkout/sessions", { ...sessionBody(), idempotencyKey: key });
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toEqual(["idempotencyKey"]);
  });

  it("stores nothing for a request that failed validation", async () => {
    const key = randomUUID();
    const bad = await A().post("/api/v1/checkout/sessions", sessionBody({ amount: -1 }), { "idempotency-key": key });
    expect(bad.status).toBe(400);
    const good = await A().post("/api/v1/checkout/sessions", sessionBody({ amount: 700 }), { "idempotency-key": key });
    expect(good.status).toBe(201);
    expect(good.headers.get("idempotent-replayed")).toBeNull();
  });

  it("stores nothing when a merchant-level rule refuses the request", async () => {
    const key = randomUUID();
    // successUrl over http is refused for live keys by the domain, after the schema passed.
    const live = client(inject("merchantA").liveKey);
    const bad = await live.post("/api/v1/checkout/sessions", sessionBody({ successUrl: "http://shop.example.com/" }), { "idempotency-key": key });
    expect(bad.status).toBe(400);
    const good = await live.post("/api/v1/checkout/sessions", sessionBody(), { "idempotency-key": key });
    expect(good.status).toBe(201);
  });

  it("scopes keys by merchant and by mode", async () => {
    const key = randomUUID();
    const a = await A().post("/api/v1/checkout/sessions", sessionBody(), { "idempotency-key": key });
    const b = await B().post("/api/v1/checkout/sessions", sessionBody(), { "idempotency-key": key });
    const live = await client(inject("merchantA").liveKey).post("/api/v1/checkout/sessions", sessionBody(), { "idempotency-key": key });
    expect([a.status, b.status, live.status]).toEqual([201, 201, 201]);
    expect(new Set([a.body.id, b.body.id, live.body.id]).size).toBe(3);
  });

  it("replays a cancel, including its 409", async () => {
    const s = (await A().post("/api/v1/checkout/sessions", sessionBody())).body;
    const key = randomUUID();
    const first = await A().post(`/api/v1/checkout/sessions/${s.id}/cancel`, undefined, { "idempotency-key": key });
    const replay = await A().post(`/api/v1/checkout/sessions/${s.id}/cancel`, undefined, { "idempotency-key": key });
    expect(first.status).toBe(200);
    expect(replay.status).toBe(200);
    expect(replay.text).toBe(first.text);
    const key2 = randomUUID();
    const conflict = await A().post(`/api/v1/checkout/sessions/${s.id}/cancel`, undefined, { "idempotency-key": key2 });
    const conflictReplay = await A().post(`/api/v1/checkout/sessions/${s.id}/cancel`, undefined, { "idempotency-key": key2 });
    expect(conflict.status).toBe(409);
    expect(conflictReplay.text).toBe(conflict.text);
    expect(conflictReplay.headers.get("idempotent-replayed")).toBe("true");
  });

  it("treats the same key on another path as other parameters", async () => {
    const key = randomUUID();
    const s = (await A().post("/api/v1/checkout/sessions", sessionBody(), { "idempotency-key": key })).body;
    const res = await A().post(`/api/v1/checkout/sessions/${s.id}/cancel`, undefined, { "idempotency-key": key });
    expect(res.status).toBe(422);
  });
});
