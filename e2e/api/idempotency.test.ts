import { randomUUID } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { CARD, client, createSession, pay, sessionBody } from "../support/api";

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

describe("Idempotency-Key on the buyer's pay call", () => {
  const key = () => ({ "idempotency-key": randomUUID() });
  const merchantView = (id: string) => A().get(`/api/v1/checkout/sessions/${id}`);

  it("replays a card payment retried with its key, byte for byte", async () => {
    const s = await createSession(inject("merchantA").testKey);
    const k = key();
    const first = await pay(s.id, CARD("4242424242424242"), k);
    expect(first.status).toBe(200);
    expect(first.body.status).toBe("paid");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const again = await pay(s.id, CARD("4242424242424242"), k);
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect((await merchantView(s.id)).body.payments).toHaveLength(1);
    // Without the key, paying a paid session is refused as before.
    expect((await pay(s.id, CARD("4242424242424242"))).body.error.code).toBe("session_not_payable");
  });

  it("makes one payment of a transfer paid twice with one key (the body field counts too)", async () => {
    const s = await createSession(inject("merchantA").testKey);
    const idempotencyKey = randomUUID();
    const first = await pay(s.id, { rail: "transfer", idempotencyKey });
    const again = await pay(s.id, { rail: "transfer" }, { "idempotency-key": idempotencyKey });
    expect(first.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const payments = (await merchantView(s.id)).body.payments;
    expect(payments).toEqual([expect.objectContaining({ id: first.body.payment.id, status: "pending" })]);
  });

  it("is 422 when the same key comes with other parameters", async () => {
    const s = await createSession(inject("merchantA").testKey);
    const k = key();
    expect((await pay(s.id, { rail: "transfer" }, k)).status).toBe(200);
    const res = await pay(s.id, { rail: "ussd", bank: "gtbank" }, k);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ type: "idempotency_error", code: "idempotency_key_reused" });
    expect((await merchantView(s.id)).body.payments).toHaveLength(1);
  });

  it("stores nothing for a payment that failed validation", async () => {
    const s = await createSession(inject("merchantA").testKey);
    const k = key();
    const bad = await pay(s.id, { rail: "card", card: { number: "4242" } }, k);
    expect(bad.status).toBe(400);
    const good = await pay(s.id, CARD("4242424242424242"), k);
    expect(good.status).toBe(200);
    expect(good.headers.get("idempotent-replayed")).toBeNull();
  });

  it("replays a refusal too, and scopes keys to the session", async () => {
    const s = await createSession(inject("merchantA").testKey);
    await A().post(`/api/v1/checkout/sessions/${s.id}/cancel`, {});
    const k = key();
    const refused = await pay(s.id, { rail: "transfer" }, k);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("session_not_payable");
    const replayed = await pay(s.id, { rail: "transfer" }, k);
    expect(replayed.text).toBe(refused.text);
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    // The same key on another session (another buyer) is a request of its own.
    const other = await createSession(inject("merchantA").testKey);
    const elsewhere = await pay(other.id, { rail: "transfer" }, k);
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.headers.get("idempotent-replayed")).toBeNull();
  });

  it("is declared on the pay call in the OpenAPI document", async () => {
    const doc = (await client(null).get("/api/v1/openapi.json")).body;
    const params = doc.paths["/api/v1/checkout/{id}/pay"].post.parameters as { name: string; in: string }[];
    expect(params).toContainEqual(expect.objectContaining({ name: "Idempotency-Key", in: "header" }));
  });

  it("is 400 for a malformed key", async () => {
    const s = await createSession(inject("merchantA").testKey);
    const res = await pay(s.id, { rail: "transfer" }, { "idempotency-key": "x".repeat(256) });
    expect(res.status).toBe(400);
    expect(res.body.error.type).toBe("validation_error");
  });
});
