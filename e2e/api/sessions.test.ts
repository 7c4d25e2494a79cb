import { describe, expect, inject, it } from "vitest";
import { CARD, client, pay, sessionBody } from "../support/api";

const A = () => client(inject("merchantA").testKey);
const B = () => client(inject("merchantB").testKey);
const ALive = () => client(inject("merchantA").liveKey);

async function create(overrides: Record<string, unknown> = {}, api = A()) {
  const res = await api.post("/api/v1/checkout/sessions", sessionBody(overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function eventsFor(sessionId: string, api = A()) {
  const res = await api.get("/api/v1/events?limit=100");
  return res.body.data.filter((e: any) => e.data.object.id === sessionId);
}

describe("creating a session", () => {
  // The create answer is built from what was written, not read back: it must still be what a
  // read shows, down to the key order of the JSON the database keeps (jsonb sorts keys).
  it.each([
    ["without an Idempotency-Key", {}],
    ["with an Idempotency-Key", { "idempotency-key": "same-as-read-" + Math.random() }],
  ])("answers exactly what a retrieve then shows, %s", async (_name, headers) => {
    const body = sessionBody({
      lineItems: [{ quantity: 2, unitAmount: 125000, name: "Kente", imageUrl: "https://shop.example.com/k.png", description: "Woven" }],
      amount: undefined,
      customer: { name: "Ada Obi", email: "Ada@Example.com", phone: "+2348031234567" },
      metadata: { orderRef: "1", b: "2", a: "3", "é": "4", bb: "5", Z: "6" },
      installments: undefined,
      clientReferenceId: "ord-1",
    });
    const created = await A().post("/api/v1/checkout/sessions", body, headers);
    expect(created.status).toBe(201);
    const read = await A().get(`/api/v1/checkout/sessions/${created.body.id}`);
    const { payments, ...session } = read.body;
    expect(payments).toEqual([]);
    expect(JSON.stringify(session)).toBe(created.text);
    expect(Object.keys(created.body.metadata)).toEqual(["Z", "a", "b", "bb", "é", "orderRef"]);
  });

  it("returns the whole session object with defaults filled in", async () => {
    const res = await A().post("/api/v1/checkout/sessions", {
      amount: 250000,
      currency: "ngn",
      successUrl: "https://shop.example.com/ok?cs={CHECKOUT_SESSION_ID}",
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("request-id")).toMatch(/^req_/);
    const s = res.body;
    expect(s).toMatchObject({
      object: "checkout.session",
      livemode: false,
      status: "open",
      amount: 250000,
      currency: "NGN",
      lineItems: null,
      paymentMethods: ["card", "transfer", "virtual_account", "ussd", "direct_debit"],
      preferredPaymentMethod: null,
      mode: "hosted",
      successUrl: "https://shop.example.com/ok?cs={CHECKOUT_SESSION_ID}",
      cancelUrl: null,
      allowedOrigins: ["https://shop.example.com"],
      metadata: {},
      locale: "auto",
      paidAt: null,
      customerDetails: { email: null, name: null, phone: null },
      payment: null,
    });
    // 24 base62 characters: about 142 random bits, the buyer's only credential.
    expect(s.id).toMatch(/^cs_test_[0-9A-Za-z]{24}$/);
    expect(s.checkoutUrl).toBe(`${inject("baseUrl")}/checkout/${s.id}`);
    expect(Date.parse(s.expiresAt) - Date.parse(s.createdAt)).toBe(1800_000);
    expect(Object.keys(s).sort()).toEqual(
      [
        "id", "object", "livemode", "status", "amount", "currency", "lineItems", "description", "customer", "customerDetails",
        "paymentMethods", "preferredPaymentMethod", "mode", "checkoutUrl", "successUrl", "cancelUrl", "allowedOrigins",
        "expiresAt", "createdAt", "paidAt", "metadata", "clientReferenceId", "locale", "installments", "payment",
      ].sort(),
    );
  });

  it("derives the amount from line items", async () => {
    const s = await create({
      amount: undefined,
      currency: "XOF",
      lineItems: [
        { name: "Attiéké", unitAmount: 1500, quantity: 2 },
        { name: "Bissap", unitAmount: 500, quantity: 1, description: "50 cl" },
      ],
    });
    expect(s.amount).toBe(3500);
    expect(s.paymentMethods).toEqual(["card", "mobile_money"]);
    expect(s.lineItems[1]).toEqual({ name: "Bissap", unitAmount: 500, quantity: 1, description: "50 cl" });
  });

  it("keeps every optional field as given", async () => {
    // An hour from the server's clock, which other files move forward (the test clock).
    const serverNow = Date.parse((await create()).createdAt);
    const expiresAt = new Date(serverNow + 3600_000).toISOString();
    const s = await create({
      currency: "BRL",
      amount: 15990,
      customer: { email: "Ana@Example.com", phone: "+5511987654321", name: "Ana", document: { type: "cpf", number: "529.982.247-25" } },
      paymentMethods: ["pix", "card", "boleto"],
      preferredPaymentMethod: "pix",
      cancelUrl: "https://shop.example.com/cart",
      expiresAt,
      metadata: { orderId: "1001", channel: "web" },
      clientReferenceId: "order-1001",
      locale: "pt",
      installments: { maxCount: 6 },
      mode: "embedded",
      allowedOrigins: ["https://shop.example.com", "https://www.shop.example.com"],
    });
    expect(s).toMatchObject({
      currency: "BRL",
      customer: { email: "Ana@Example.com", phone: "+5511987654321", name: "Ana", document: { type: "cpf", number: "529.982.247-25" } },
      paymentMethods: ["pix", "card", "boleto"],
      preferredPaymentMethod: "pix",
      cancelUrl: "https://shop.example.com/cart",
      metadata: { orderId: "1001", channel: "web" },
      clientReferenceId: "order-1001",
      locale: "pt",
      installments: { maxCount: 6 },
      mode: "embedded",
      allowedOrigins: ["https://shop.example.com", "https://www.shop.example.com"],
    });
    expect(Date.parse(s.expiresAt)).toBe(Date.parse(expiresAt));
  });

  it("writes checkout.session.created in the same breath, with the session as it was", async () => {
    const s = await create();
    const events = await eventsFor(s.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ object: "event", type: "checkout.session.created", livemode: false });
    expect(events[0].id).toMatch(/^evt_/);
    expect(events[0].data.object).toEqual(s);
  });

  it("supports three-decimal and zero-decimal currencies exactly", async () => {
    expect((await create({ currency: "KWD", amount: 1234 })).amount).toBe(1234);
    expect((await create({ currency: "JPY", amount: 1_000_000_000_000 })).amount).toBe(1_000_000_000_000);
  });
});

describe("retrieving and scoping", () => {
  it("retrieves a session with its payments", async () => {
    const s = await create();
    const res = await A().get(`/api/v1/checkout/sessions/${s.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...s, payments: [] });
  });

  it("hides another merchant's session as 404, not 403", async () => {
    const s = await create();
    const res = await B().get(`/api/v1/checkout/sessions/${s.id}`);
    expect(res.status).toBe(404);
    expect(res.body.error.type).toBe("not_found");
    const cancel = await B().post(`/api/v1/checkout/sessions/${s.id}/cancel`);
    expect(cancel.status).toBe(404);
    expect((await A().get(`/api/v1/checkout/sessions/${s.id}`)).body.status).toBe("open");
  });

  it("keeps test and live apart", async () => {
    const test = await create();
    const live = await create({}, ALive());
    expect((await ALive().get(`/api/v1/checkout/sessions/${test.id}`)).status).toBe(404);
    expect((await A().get(`/api/v1/checkout/sessions/${live.id}`)).status).toBe(404);
    const liveList = await ALive().get("/api/v1/checkout/sessions?limit=100");
    expect(liveList.body.data.every((x: any) => x.livemode === true)).toBe(true);
    const liveEvents = await ALive().get("/api/v1/events?limit=100");
    expect(liveEvents.body.data.every((e: any) => e.livemode === true)).toBe(true);
    expect((await A().get(`/api/v1/events?limit=100`)).body.data.some((e: any) => e.data.object.id === live.id)).toBe(false);
  });
});

describe("listing", () => {
  it("pages newest first with startingAfter and endingBefore", async () => {
    const email = `pager-${Date.now()}@example.com`;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await create({ customer: { email } })).id);
    const newestFirst = [...ids].reverse();
    const q = `customer.email=${encodeURIComponent(email.toUpperCase())}`;

    const p1 = await A().get(`/api/v1/checkout/sessions?${q}&limit=2`);
    expect(p1.body.object).toBe("list");
    expect(p1.body.data.map((s: any) => s.id)).toEqual(newestFirst.slice(0, 2));
    expect(p1.body.hasMore).toBe(true);

    const p2 = await A().get(`/api/v1/checkout/sessions?${q}&limit=2&startingAfter=${newestFirst[1]}`);
    expect(p2.body.data.map((s: any) => s.id)).toEqual(newestFirst.slice(2, 4));
    expect(p2.body.hasMore).toBe(true);

    const p3 = await A().get(`/api/v1/checkout/sessions?${q}&limit=2&startingAfter=${newestFirst[3]}`);
    expect(p3.body.data.map((s: any) => s.id)).toEqual(newestFirst.slice(4));
    expect(p3.body.hasMore).toBe(false);

    const back = await A().get(`/api/v1/checkout/sessions?${q}&limit=2&endingBefore=${newestFirst[4]}`);
    expect(back.body.data.map((s: any) => s.id)).toEqual(newestFirst.slice(2, 4));
    expect(back.body.hasMore).toBe(true);

    const all = await A().get(`/api/v1/checkout/sessions?${q}`);
    expect(all.body.data).toHaveLength(5);
  });

  it("filters by status and clientReferenceId", async () => {
    const ref = `ref-${Date.now()}`;
    const a = await create({ clientReferenceId: ref });
    const b = await create({ clientReferenceId: ref });
    await A().post(`/api/v1/checkout/sessions/${a.id}/cancel`);
    const canceled = await A().get(`/api/v1/checkout/sessions?clientReferenceId=${ref}&status=canceled`);
    expect(canceled.body.data.map((s: any) => s.id)).toEqual([a.id]);
    const open = await A().get(`/api/v1/checkout/sessions?clientReferenceId=${ref}&status=open`);
    expect(open.body.data.map((s: any) => s.id)).toEqual([b.id]);
  });

  it("shows each listed session with its own payment", async () => {
    const ref = `paid-list-${Date.now()}`;
    const paid = await create({ clientReferenceId: ref });
    const declined = await create({ clientReferenceId: ref });
    const untouched = await create({ clientReferenceId: ref });
    expect((await pay(paid.id, CARD("4242424242424242"))).status).toBe(200);
    await pay(declined.id, CARD("4000000000000002"));
    const list = await A().get(`/api/v1/checkout/sessions?clientReferenceId=${ref}`);
    const byId = Object.fromEntries(list.body.data.map((s: any) => [s.id, s]));
    expect(byId[paid.id]).toMatchObject({ status: "paid", payment: { session: paid.id, status: "succeeded" } });
    expect(byId[declined.id]).toMatchObject({ status: "open", payment: { session: declined.id, status: "failed" } });
    expect(byId[untouched.id]).toMatchObject({ status: "open", payment: null });
  });

  it("defaults to 10 and never shows another merchant's sessions", async () => {
    for (let i = 0; i < 11; i++) await create();
    const res = await A().get("/api/v1/checkout/sessions");
    expect(res.body.data).toHaveLength(10);
    expect(res.body.hasMore).toBe(true);
    const other = await create({}, B());
    const mine = await A().get("/api/v1/checkout/sessions?limit=100");
    expect(mine.body.data.some((s: any) => s.id === other.id)).toBe(false);
  });
});

describe("canceling", () => {
  it("cancels an open session once, with its event, and 409s after", async () => {
    const s = await create({ cancelUrl: "https://shop.example.com/cart" });
    const res = await A().post(`/api/v1/checkout/sessions/${s.id}/cancel`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: s.id, status: "canceled" });
    const again = await A().post(`/api/v1/checkout/sessions/${s.id}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ type: "invalid_state", code: "invalid_state" });
    expect(again.body.error.message).toContain("canceled");
    const types = (await eventsFor(s.id)).map((e: any) => e.type).sort();
    expect(types).toEqual(["checkout.session.canceled", "checkout.session.created"]);
  });

  it("refuses unknown fields in the cancel body", async () => {
    const s = await create();
    const res = await A().post(`/api/v1/checkout/sessions/${s.id}/cancel`, { reason: "x" });
    expect(res.status).toBe(400);
    expect((await A().get(`/api/v1/checkout/sessions/${s.id}`)).body.status).toBe("open");
  });
});

describe("events", () => {
  it("retrieves an event and filters by type", async () => {
    const s = await create();
    await A().post(`/api/v1/checkout/sessions/${s.id}/cancel`);
    const canceled = await A().get("/api/v1/events?type=checkout.session.canceled&limit=100");
    expect(canceled.body.data.every((e: any) => e.type === "checkout.session.canceled")).toBe(true);
    const event = canceled.body.data.find((e: any) => e.data.object.id === s.id);
    expect(event.data.object.status).toBe("canceled");
    const one = await A().get(`/api/v1/events/${event.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(event);
    expect((await B().get(`/api/v1/events/${event.id}`)).status).toBe(404);
  });

  it("pages events", async () => {
    const p1 = await A().get("/api/v1/events?limit=3");
    expect(p1.body.data).toHaveLength(3);
    const p2 = await A().get(`/api/v1/events?limit=3&startingAfter=${p1.body.data[2].id}`);
    expect(p2.body.data).toHaveLength(3);
    const ids = new Set([...p1.body.data, ...p2.body.data].map((e: any) => e.id));
    expect(ids.size).toBe(6);
    const times = [...p1.body.data, ...p2.body.data].map((e: any) => Date.parse(e.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });
});
