// customerDetails (SPEC 9): what the buyer gave when paying, on the session, in its webhooks,
// and found by the list filters; the merchant's `customer` stays as sent.
import { randomBytes } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { CARD, client, createSession, eventsFor, pay } from "../support/api";
import { useWebhookReceiver } from "../support/webhook-endpoints";
import { waitFor } from "../support/wait";

const A = () => inject("merchantA");
const B = () => inject("merchantB");
const a = () => client(A().testKey);
// Files share one server and its merchants: each run's buyers are its own.
const run = randomBytes(4).toString("hex");

const hooks = useWebhookReceiver(a);

const listIds = async (query: string, api = a()) => {
  const res = await api.get(`/api/v1/checkout/sessions?${query}`);
  expect(res.status, res.text).toBe(200);
  return (res.body.data as { id: string }[]).map((s) => s.id);
};

describe("customerDetails", () => {
  it("is empty on a session nobody has paid", async () => {
    const s = await createSession(A().testKey, { customer: { email: `pre-${run}@example.com` } });
    expect(s.customerDetails).toEqual({ email: null, name: null, phone: null });
    expect(s.customer).toEqual({ email: `pre-${run}@example.com` });
  });

  it("records the email and name a buyer typed paying by card, the merchant's customer kept as sent, in the paid event and its webhook", async () => {
    await hooks.subscribe("/details", ["checkout.session.paid"]);

    const s = await createSession(A().testKey, { customer: { email: `merchant-${run}@example.com`, name: "Prefilled Name" } });
    const res = await pay(s.id, { ...CARD("4242424242424242"), email: `Ada.${run}@Example.com`, name: "Ada Lovelace" });
    expect(res.status, res.text).toBe(200);
    expect(res.body.payment.status).toBe("succeeded");

    const got = await a().get(`/api/v1/checkout/sessions/${s.id}`);
    expect(got.body.customerDetails).toEqual({ email: `ada.${run}@example.com`, name: "Ada Lovelace", phone: null });
    expect(got.body.customer).toEqual({ email: `merchant-${run}@example.com`, name: "Prefilled Name" });

    const [paid] = await eventsFor(A().testKey, "checkout.session.paid", s.id);
    expect(paid.data.object.customerDetails).toEqual(got.body.customerDetails);
    const [delivered] = await waitFor(async () => {
      const r = (await hooks.receiver.requests("/details", { bodies: true })).filter((x) => x.webhookId === paid.id);
      return r.length ? r : undefined;
    }, { what: "the paid webhook" });
    expect(delivered!.verified).toBe(true);
    expect(JSON.parse(delivered!.body!).data.object.customerDetails).toEqual({ email: `ada.${run}@example.com`, name: "Ada Lovelace", phone: null });
  });

  it("takes the merchant's email when the buyer left the prefilled one", async () => {
    const s = await createSession(A().testKey, { customer: { email: `Kept-${run}@example.com` } });
    expect((await pay(s.id, CARD("4242424242424242"))).status).toBe(200);
    expect((await a().get(`/api/v1/checkout/sessions/${s.id}`)).body.customerDetails).toEqual({ email: `kept-${run}@example.com`, name: null, phone: null });
  });

  it("refuses a card payment with a malformed email, recording nothing", async () => {
    const s = await createSession(A().testKey);
    const res = await pay(s.id, { ...CARD("4242424242424242"), email: "not-an-email" });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([expect.objectContaining({ path: ["email"], code: "email_invalid" })]);
    expect((await a().get(`/api/v1/checkout/sessions/${s.id}`)).body).toMatchObject({ status: "open", customerDetails: { email: null, name: null, phone: null } });
  });

  it("records a mobile-money buyer's phone in E.164 while the payment waits, and keeps it once paid", async () => {
    const s = await createSession(A().testKey, { currency: "XOF", amount: 5000 });
    const res = await pay(s.id, { rail: "mobile_money", operator: "orange", phone: "07 07 12 34 56" });
    expect(res.status, res.text).toBe(200);
    const pending = await a().get(`/api/v1/checkout/sessions/${s.id}`);
    expect(pending.body).toMatchObject({ status: "pending", customerDetails: { email: null, name: null, phone: "+2250707123456" } });
    const [event] = await eventsFor(A().testKey, "checkout.session.pending", s.id);
    expect(event.data.object.customerDetails.phone).toBe("+2250707123456");
    expect((await a().post(`/api/v1/test/payments/${res.body.payment.id}/succeed`, {})).status).toBe(200);
    expect((await a().get(`/api/v1/checkout/sessions/${s.id}`)).body).toMatchObject({ status: "paid", customerDetails: { phone: "+2250707123456" } });
  });

  it("leaves them as they were when an attempt fails", async () => {
    const s = await createSession(A().testKey);
    const res = await pay(s.id, { ...CARD("4000000000000002"), email: `declined-${run}@example.com` });
    expect(res.status, res.text).toBe(200);
    expect(res.body.payment.status).toBe("failed");
    expect((await a().get(`/api/v1/checkout/sessions/${s.id}`)).body.customerDetails).toEqual({ email: null, name: null, phone: null });
  });
});

describe("the list filters", () => {
  it("find sessions by the buyer's email (any case), phone (E.164, any spacing) and part of the name (any case), within the merchant", async () => {
    const card = await createSession(A().testKey);
    expect((await pay(card.id, { ...CARD("4242424242424242"), email: `grace.${run}@example.com`, name: `Grace ${run} Hopper` })).status).toBe(200);
    const mm = await createSession(A().testKey, { currency: "XOF", amount: 5000 });
    expect((await pay(mm.id, { rail: "mobile_money", operator: "orange", phone: "07 07 55 44 33" })).status).toBe(200);
    const untouched = await createSession(A().testKey, { customer: { email: `grace.${run}@example.com` } });

    expect(await listIds(`customerEmail=${encodeURIComponent(`GRACE.${run}@Example.COM`)}`)).toEqual([card.id]);
    expect(await listIds(`customerName=${encodeURIComponent(`${run} hop`)}`)).toEqual([card.id]);
    // `customer.email` is the merchant's prefill: it finds the untouched session, not the paid one.
    expect(await listIds(`customer.email=${encodeURIComponent(`grace.${run}@example.com`)}`)).toEqual([untouched.id]);
    const byPhone = await listIds(`customerPhone=${encodeURIComponent("+225 07 07 55 44 33")}&limit=100`);
    expect(byPhone).toContain(mm.id);
    expect(byPhone).not.toContain(card.id);
    expect(await listIds(`customerEmail=${encodeURIComponent(`grace.${run}@example.com`)}&status=paid`)).toEqual([card.id]);
    expect(await listIds(`customerEmail=${encodeURIComponent(`grace.${run}@example.com`)}&status=open`)).toEqual([]);
    // Wildcards in the name are literal text.
    expect(await listIds(`customerName=${encodeURIComponent("%")}&limit=100`)).not.toContain(card.id);
    // Another merchant's sessions are not there.
    expect(await listIds(`customerEmail=${encodeURIComponent(`grace.${run}@example.com`)}`, client(B().testKey))).toEqual([]);
  });

  it("refuse a filter given twice with a 400 naming it, not a list filtered by one of them", async () => {
    const res = await a().get(`/api/v1/checkout/sessions?customerEmail=a-${run}%40example.com&customerEmail=b-${run}%40example.com`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: "validation_error", code: "invalid_request" });
    expect(res.body.error.message).toContain("customerEmail");
    expect((await a().get(`/api/v1/checkout/sessions?status=open&status=paid`)).status).toBe(400);
  });

  it("page through the matches with startingAfter", async () => {
    const email = `pages-${run}@example.com`;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const s = await createSession(A().testKey);
      expect((await pay(s.id, { ...CARD("4242424242424242"), email })).status).toBe(200);
      ids.unshift(s.id);
    }
    const first = await a().get(`/api/v1/checkout/sessions?customerEmail=${encodeURIComponent(email)}&limit=2`);
    expect(first.body.data.map((s: { id: string }) => s.id)).toEqual(ids.slice(0, 2));
    expect(first.body.hasMore).toBe(true);
    const rest = await a().get(`/api/v1/checkout/sessions?customerEmail=${encodeURIComponent(email)}&limit=2&startingAfter=${ids[1]}`);
    expect(rest.body).toMatchObject({ hasMore: false, data: [expect.objectContaining({ id: ids[2] })] });
  });
});
