// Refunds (SPEC 9) over the API: the sandbox's (a card's at once, a transfer's through the test
// endpoints) and Paystack's (through the emulator, settled by its notification and its API).
import { createHmac } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { CARD, client, createSession, pay, sessionBody } from "../support/api";
import { paystackEmulatorAt, type PaystackEmulator } from "../support/paystack";
import { useWebhookReceiver } from "../support/webhook-endpoints";
import { cli, createMerchantViaCli, freshDatabase, startServer } from "../support/stack";
import { waitFor } from "../support/wait";

const A = () => inject("merchantA");
const a = () => client(A().testKey);
const REQUEST_ID = /^req_[0-9A-Za-z]{16,40}$/;

const hooks = useWebhookReceiver(a);

/** A session of merchant A paid by card in the sandbox: its succeeded payment. */
async function paidByCard(amount = 250000) {
  const s = await createSession(A().testKey, { amount });
  const res = await pay(s.id, CARD("4242424242424242"));
  expect(res.status, res.text).toBe(200);
  expect(res.body.payment.status).toBe("succeeded");
  return res.body.payment as { id: string; amount: number };
}

async function paidByTransfer() {
  const s = await createSession(A().testKey);
  const p = (await pay(s.id, { rail: "transfer" })).body.payment;
  expect((await a().post(`/api/v1/test/payments/${p.id}/succeed`, {})).status).toBe(200);
  return p as { id: string; amount: number };
}

const LIFE = ["refund.created", "refund.succeeded", "refund.failed"];

/** A refund's events in the order of its life (a card's two are written in the same instant). */
async function refundEvents(refundId: string, api = a()) {
  const res = await api.get("/api/v1/events?limit=100");
  return (res.body.data as any[]).filter((e) => e.data.object.id === refundId).sort((x, y) => LIFE.indexOf(x.type) - LIFE.indexOf(y.type));
}

function expectError(res: { status: number; body: any; headers: Headers; text: string }, status: number, type: string, code: string) {
  expect(res.status, res.text).toBe(status);
  expect(res.body.error).toMatchObject({ type, code, message: expect.any(String), requestId: expect.stringMatching(REQUEST_ID) });
}

describe("refunding a card payment in the sandbox", () => {
  it("refunds in two parts, each settled at once, with events and webhooks for each", async () => {
    await hooks.subscribe("/refunds", ["refund.created", "refund.succeeded", "refund.failed"]);

    const p = await paidByCard(250000);
    const first = await a().post("/api/v1/refunds", { payment: p.id, amount: 100000, reason: "requested_by_customer", metadata: { ticket: "T-1" } });
    expect(first.status, first.text).toBe(201);
    expect(first.body).toEqual({
      id: expect.stringMatching(/^re_[0-9A-Za-z]{24}$/),
      object: "refund",
      payment: p.id,
      livemode: false,
      amount: 100000,
      currency: "NGN",
      status: "succeeded",
      reason: "requested_by_customer",
      failureMessage: null,
      metadata: { ticket: "T-1" },
      createdAt: expect.any(String),
      settledAt: expect.any(String),
    });
    expect((await a().get(`/api/v1/payments/${p.id}`)).body.refundedAmount).toBe(100000);

    // No amount: what is left.
    const rest = await a().post("/api/v1/refunds", { payment: p.id });
    expect(rest.status, rest.text).toBe(201);
    expect(rest.body).toMatchObject({ amount: 150000, status: "succeeded", reason: null, metadata: {} });
    expect((await a().get(`/api/v1/payments/${p.id}`)).body).toMatchObject({ status: "succeeded", refundedAmount: 250000 });

    for (const refund of [first.body, rest.body]) {
      const events = await refundEvents(refund.id);
      expect(events.map((e) => e.type)).toEqual(["refund.created", "refund.succeeded"]);
      expect(events[0].data.object).toMatchObject({ id: refund.id, status: "pending", settledAt: null });
      expect(events[1].data.object).toEqual(refund);
      for (const e of events) {
        const [got] = await waitFor(async () => {
          const r = (await hooks.receiver.requests("/refunds", { bodies: true })).filter((x) => x.webhookId === e.id);
          return r.length ? r : undefined;
        }, { what: `the webhook of ${e.type}` });
        expect(got!.verified).toBe(true);
        expect(JSON.parse(got!.body!)).toEqual(e);
      }
    }

    const retrieved = await a().get(`/api/v1/refunds/${first.body.id}`);
    expect(retrieved.body).toEqual(first.body);
    const list = await a().get(`/api/v1/refunds?payment=${p.id}`);
    expect(list.body).toEqual({ object: "list", data: [rest.body, first.body], hasMore: false });
    const page = await a().get(`/api/v1/refunds?payment=${p.id}&limit=1`);
    expect(page.body).toMatchObject({ data: [rest.body], hasMore: true });
    const next = await a().get(`/api/v1/refunds?payment=${p.id}&limit=1&startingAfter=${rest.body.id}`);
    expect(next.body).toMatchObject({ data: [first.body], hasMore: false });
  });

  it("refuses a refund past what is left: 409 refund_exceeds_payment, nothing recorded", async () => {
    const p = await paidByCard(1000);
    expect((await a().post("/api/v1/refunds", { payment: p.id, amount: 600 })).status).toBe(201);
    const over = await a().post("/api/v1/refunds", { payment: p.id, amount: 401 });
    expectError(over, 409, "invalid_state", "refund_exceeds_payment");
    expect(over.body.error.message).toContain("left to refund");
    expect((await a().post("/api/v1/refunds", { payment: p.id, amount: 400 })).status).toBe(201);
    expectError(await a().post("/api/v1/refunds", { payment: p.id }), 409, "invalid_state", "refund_exceeds_payment");
    expectError(await a().post("/api/v1/refunds", { payment: p.id, amount: 1 }), 409, "invalid_state", "refund_exceeds_payment");
    expect((await a().get(`/api/v1/refunds?payment=${p.id}`)).body.data.map((r: any) => r.amount)).toEqual([400, 600]);
    expect((await a().get(`/api/v1/payments/${p.id}`)).body.refundedAmount).toBe(1000);
  });

  it("refuses to refund a payment that has not succeeded: 409 invalid_state", async () => {
    const declined = await createSession(A().testKey);
    const failed = (await pay(declined.id, CARD("4000000000000002"))).body.payment;
    expect(failed.status).toBe("failed");
    const pending = (await pay((await createSession(A().testKey)).id, { rail: "transfer" })).body.payment;
    for (const p of [failed, pending]) {
      const res = await a().post("/api/v1/refunds", { payment: p.id, amount: 100 });
      expectError(res, 409, "invalid_state", "payment_not_refundable");
      expect((await a().get(`/api/v1/refunds?payment=${p.id}`)).body.data).toEqual([]);
    }
  });

  it("answers 404 for a payment or refund of the other mode or of another merchant", async () => {
    const p = await paidByCard();
    const refund = (await a().post("/api/v1/refunds", { payment: p.id, amount: 100 })).body;
    for (const key of [A().liveKey, inject("merchantB").testKey]) {
      const api = client(key);
      expectError(await api.post("/api/v1/refunds", { payment: p.id, amount: 100 }), 404, "not_found", "resource_missing");
      expectError(await api.get(`/api/v1/refunds/${refund.id}`), 404, "not_found", "resource_missing");
      expect((await api.get(`/api/v1/refunds?payment=${p.id}`)).body.data).toEqual([]);
      expectError(await api.get(`/api/v1/refunds?startingAfter=${refund.id}`), 404, "not_found", "resource_missing");
    }
    expectError(await client(A().liveKey).post(`/api/v1/test/refunds/${refund.id}/succeed`, {}), 404, "not_found", "resource_missing");
    expect((await a().get(`/api/v1/payments/${p.id}`)).body.refundedAmount).toBe(100);
  });

  it("replays a repeat with the same Idempotency-Key, and refuses the key with other parameters", async () => {
    const p = await paidByCard(1000);
    const key = { "idempotency-key": `refund-${p.id}` };
    const first = await a().post("/api/v1/refunds", { payment: p.id, amount: 300 }, key);
    expect(first.status).toBe(201);
    const again = await a().post("/api/v1/refunds", { payment: p.id, amount: 300 }, key);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.text).toBe(first.text);
    const other = await a().post("/api/v1/refunds", { payment: p.id, amount: 301 }, key);
    expectError(other, 422, "idempotency_error", "idempotency_key_reused");
    expect((await a().get(`/api/v1/refunds?payment=${p.id}`)).body.data).toHaveLength(1);
    expect((await a().get(`/api/v1/payments/${p.id}`)).body.refundedAmount).toBe(300);
  });
});

describe("refunding a transfer in the sandbox", () => {
  it("stays pending until the test endpoint settles it", async () => {
    const p = await paidByTransfer();
    const created = await a().post("/api/v1/refunds", { payment: p.id, amount: 50000 });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ status: "pending", settledAt: null });
    expect((await a().get(`/api/v1/payments/${p.id}`)).body.refundedAmount).toBe(50000);

    const done = await a().post(`/api/v1/test/refunds/${created.body.id}/succeed`, {});
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ id: created.body.id, status: "succeeded", settledAt: expect.any(String) });
    // Repeating the bank's word changes nothing; the other word is refused.
    expect((await a().post(`/api/v1/test/refunds/${created.body.id}/succeed`, {})).body).toEqual(done.body);
    expectError(await a().post(`/api/v1/test/refunds/${created.body.id}/fail`, {}), 409, "invalid_state", "refund_not_pending");
    expect((await refundEvents(created.body.id)).map((e) => e.type)).toEqual(["refund.created", "refund.succeeded"]);
  });

  it("gives a failed refund's amount back, so it can be refunded again", async () => {
    const p = await paidByTransfer();
    const all = (await a().post("/api/v1/refunds", { payment: p.id })).body;
    expect(all).toMatchObject({ amount: 250000, status: "pending" });
    expectError(await a().post("/api/v1/refunds", { payment: p.id, amount: 1 }), 409, "invalid_state", "refund_exceeds_payment");
    const failed = await a().post(`/api/v1/test/refunds/${all.id}/fail`, { failureMessage: "The account was closed." });
    expect(failed.status, failed.text).toBe(200);
    expect(failed.body).toMatchObject({ status: "failed", failureMessage: "The account was closed.", settledAt: expect.any(String) });
    expect((await refundEvents(all.id)).map((e) => e.type)).toEqual(["refund.created", "refund.failed"]);
    expect((await a().get(`/api/v1/payments/${p.id}`)).body.refundedAmount).toBe(0);
    const again = await a().post("/api/v1/refunds", { payment: p.id });
    expect(again.body).toMatchObject({ amount: 250000, status: "pending" });
  });
});

describe("duplicate payments", () => {
  /** A session paid by card while its transfer waited, and then the transfer's money arrived too: that late payment. */
  async function paidTwice(key = A().testKey, baseUrl = inject("baseUrl")) {
    const api = client(key, baseUrl);
    const buyer = client(null, baseUrl);
    const s = (await api.post("/api/v1/checkout/sessions", sessionBody())).body;
    const transfer = (await buyer.post(`/api/v1/checkout/${s.id}/pay`, { rail: "transfer" })).body.payment;
    expect((await buyer.post(`/api/v1/checkout/${s.id}/pay`, CARD("4242424242424242"))).body.status).toBe("paid");
    const late = await api.post(`/api/v1/test/payments/${transfer.id}/succeed`, {});
    expect(late.status, late.text).toBe(200);
    return late.body;
  }

  it("refunds a payment that succeeds on a session already paid, in full, by itself", async () => {
    const late = await paidTwice();
    expect(late).toMatchObject({ status: "succeeded", requiresRefund: true, refundedAmount: 250000 });
    const [refund] = (await a().get(`/api/v1/refunds?payment=${late.id}`)).body.data;
    expect(refund).toMatchObject({ payment: late.id, amount: 250000, reason: "duplicate", status: "pending" });
    // The payment.succeeded event says so: the amount is already held back for its refund.
    const events = (await a().get("/api/v1/events?type=payment.succeeded&limit=100")).body.data.filter((e: any) => e.data.object.id === late.id);
    expect(events).toHaveLength(1);
    expect(events[0].data.object).toMatchObject({ requiresRefund: true, refundedAmount: 250000 });
    expect((await refundEvents(refund.id)).map((e) => e.type)).toEqual(["refund.created"]);
    // A transfer's money goes back as a transfer: pending until the sandbox's bank sends it.
    expect((await a().post(`/api/v1/test/refunds/${refund.id}/succeed`, {})).body.status).toBe("succeeded");
    expectError(await a().post("/api/v1/refunds", { payment: late.id }), 409, "invalid_state", "refund_exceeds_payment");
  });

  it("leaves a duplicate for the merchant to refund when it turned that off", { timeout: 180_000 }, async () => {
    const db = await freshDatabase();
    const m = await createMerchantViaCli(db, "No Auto Refunds");
    const { stdout } = await cli(db, ["merchant", "update", m.id, "--auto-refund-duplicates", "false", "--json"]);
    expect(JSON.parse(stdout)).toMatchObject({ id: m.id, name: "No Auto Refunds", autoRefundDuplicates: false });
    const server = await startServer(db);
    try {
      const api = client(m.testKey, server.url);
      const late = await paidTwice(m.testKey, server.url);
      expect(late).toMatchObject({ status: "succeeded", requiresRefund: true, refundedAmount: 0 });
      expect((await api.get(`/api/v1/refunds?payment=${late.id}`)).body.data).toEqual([]);
      const manual = await api.post("/api/v1/refunds", { payment: late.id, reason: "duplicate" });
      expect(manual.body).toMatchObject({ amount: 250000, reason: "duplicate", status: "pending" });
    } finally {
      await server.stop();
      await db.drop();
    }
  });
});

describe("refunds through Paystack (the emulator)", () => {
  const P = () => client(inject("merchantP").testKey);
  let paystack: PaystackEmulator;
  const reference = (paymentId: string) => paymentId.replace(/^pay_/, "pay-");

  beforeAll(() => {
    paystack = paystackEmulatorAt(inject("paystackUrl"));
  });

  afterEach(async () => {
    await paystack.clearFaults();
  });

  afterAll(async () => {
    expect(await paystack.violations()).toEqual([]);
  });

  const notify = (body: string, signature: string) =>
    fetch(`${inject("baseUrl")}/api/v1/provider-events/${inject("paystackTest").id}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-paystack-signature": signature },
      body,
    });

  /** Merchant P's transfer, paid through Paystack. */
  async function paidThroughPaystack() {
    const s = (await P().post("/api/v1/checkout/sessions", { amount: 250000, currency: "NGN", successUrl: "https://shop.example.com/ok", customer: { email: "ada@example.com" } })).body;
    const p = (await pay(s.id, { rail: "transfer" })).body.payment;
    await paystack.settle(reference(p.id), { outcome: "success" });
    await waitFor(async () => ((await P().get(`/api/v1/payments/${p.id}`)).body.status === "succeeded" ? true : undefined), { what: "the payment paid" });
    return p as { id: string };
  }

  it("asks Paystack for the refund, and settles it on Paystack's notification, read back from its API", async () => {
    const p = await paidThroughPaystack();
    const created = await P().post("/api/v1/refunds", { payment: p.id, amount: 100000 });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ status: "pending", amount: 100000 });
    const sent = (await paystack.requests({ path: "/refund", method: "POST" })).map((r) => r.body).filter((b: any) => b.transaction === reference(p.id));
    expect(sent).toEqual([{ transaction: reference(p.id), amount: 100000, currency: "NGN" }]);

    await paystack.settleRefund(reference(p.id), { outcome: "processed" });
    const done = await waitFor(async () => {
      const r = (await P().get(`/api/v1/refunds/${created.body.id}`)).body;
      return r.status === "pending" ? undefined : r;
    }, { what: "the refund settled" });
    expect(done).toMatchObject({ status: "succeeded", settledAt: expect.any(String) });
    // The notification's body was not believed: Kassa read the refund back.
    expect((await paystack.requests({ method: "GET" })).some((r) => r.path.startsWith("/refund/"))).toBe(true);
    expect((await refundEvents(created.body.id, P())).map((e) => e.type)).toEqual(["refund.created", "refund.succeeded"]);
    expect((await P().get(`/api/v1/payments/${p.id}`)).body.refundedAmount).toBe(100000);
    // The notification was taken as about this payment's refunds; its repeat changes nothing.
    const [delivery] = (await paystack.webhooks({ reference: reference(p.id) })).filter((w) => w.event === "refund.processed");
    expect(delivery).toMatchObject({ status: 200 });
    const again = await notify(delivery!.body, delivery!.signature);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ received: true, duplicate: true, payment: p.id });
  });

  it("never settles a refund on a signed body alone: Paystack's API has the last word", async () => {
    const p = await paidThroughPaystack();
    const created = (await P().post("/api/v1/refunds", { payment: p.id, amount: 5000 })).body;
    const body = JSON.stringify({ event: "refund.processed", data: { status: "processed", transaction_reference: reference(p.id), refund_reference: "1", amount: 5000, currency: "NGN", domain: "test" } });
    const forged = await notify(body, createHmac("sha512", "sk_test_not_the_key").update(body).digest("hex"));
    expect(forged.status).toBe(401);
    const signed = await notify(body, createHmac("sha512", inject("paystackTest").secretKey).update(body).digest("hex"));
    expect(signed.status).toBe(200);
    expect(await signed.json()).toEqual({ received: true, duplicate: false, payment: p.id });
    // Paystack still has it pending, and only Paystack settles it: the sandbox's test endpoints refuse.
    expect((await P().get(`/api/v1/refunds/${created.id}`)).body.status).toBe("pending");
    expectError(await P().post(`/api/v1/test/refunds/${created.id}/succeed`, {}), 409, "invalid_state", "refund_not_simulated");
  });

  it("fails a refund Paystack refuses, and gives its amount back", async () => {
    const p = await paidThroughPaystack();
    // Paystack's ledger says less is left than Kassa's (a refund made in its dashboard).
    await paystack.refundOutside(reference(p.id), 200000);
    const res = await P().post("/api/v1/refunds", { payment: p.id, amount: 100000 });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ status: "failed", failureMessage: expect.stringContaining("Paystack refused the refund") });
    expect((await refundEvents(res.body.id, P())).map((e) => e.type)).toEqual(["refund.created", "refund.failed"]);
    expect((await P().get(`/api/v1/payments/${p.id}`)).body.refundedAmount).toBe(0);
  });

  it("keeps a refund whose call went unanswered pending, and settles it by reconciliation", async () => {
    const p = await paidThroughPaystack();
    // The refund is made at Paystack, then the answer is lost.
    await paystack.addFault({ path: "^/refund$", method: "POST", mode: "500_after", times: 1 });
    const res = await P().post("/api/v1/refunds", { payment: p.id, amount: 70000 });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ status: "pending" });
    await paystack.settleRefund(reference(p.id), { outcome: "processed", webhook: false });
    const done = await waitFor(async () => {
      const r = (await P().get(`/api/v1/refunds/${res.body.id}`)).body;
      return r.status === "pending" ? undefined : r;
    }, { what: "reconciliation of the refund", timeoutMs: 30_000 });
    expect(done).toMatchObject({ status: "succeeded" });
    // Kassa had no id for it: it found it among Paystack's refunds, by transaction and amount.
    expect(await paystack.requests({ path: "/refund", method: "GET" })).not.toHaveLength(0);
    expect((await P().get(`/api/v1/payments/${p.id}`)).body.refundedAmount).toBe(70000);
  });

  it("finds an unanswered refund past Paystack's first page of refunds", async () => {
    const p = await paidThroughPaystack();
    const other = await paidThroughPaystack();
    await paystack.addFault({ path: "^/refund$", method: "POST", mode: "500_after", times: 1 });
    const res = await P().post("/api/v1/refunds", { payment: p.id, amount: 50000 });
    expect(res.body).toMatchObject({ status: "pending" });
    // Paystack's refund list answers nothing while 120 refunds are made in its dashboard: newest
    // first, ours is then on the second page of 100.
    await paystack.addFault({ path: "^/refund$", method: "GET", mode: "500", times: 1000 });
    for (let i = 0; i < 120; i++) await paystack.refundOutside(reference(other.id), 100);
    await paystack.settleRefund(reference(p.id), { outcome: "processed", webhook: false });
    await paystack.clearFaults();
    const done = await waitFor(async () => {
      const r = (await P().get(`/api/v1/refunds/${res.body.id}`)).body;
      return r.status === "pending" ? undefined : r;
    }, { what: "reconciliation of the refund", timeoutMs: 30_000 });
    expect(done).toMatchObject({ status: "succeeded" });
    const pages = (await paystack.requests({ path: "/refund", method: "GET" })).map((r) => r.query.page);
    expect(pages).toContain("2");
  });
});
