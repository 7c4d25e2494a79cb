import { beforeAll, describe, expect, inject, it } from "vitest";
import { parsePixBrCode } from "@/lib/rails/pix/pix";
import { isValidBarcode, isValidDigitableLine } from "@/lib/rails/boleto/boleto";
import { isValidNuban } from "@/lib/rails/nuban";
import { CARD, client, createSession, eventsFor, pay, sessionBody } from "../support/api";

const A = () => inject("merchantA");
const B = () => inject("merchantB");
const api = () => client(A().testKey);

describe("card payments", () => {
  it("pays a session with a test card and sends the buyer to successUrl", async () => {
    const s = await createSession(A().testKey, { metadata: { order: "1001" } });
    const res = await pay(s.id, { ...CARD("4242424242424242"), name: "Ada Obi" });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("paid");
    expect(res.body.redirectUrl).toBe(`https://shop.example.com/thanks?session=${s.id}`);
    expect(res.body.nextAction).toBeNull();
    const p = res.body.payment;
    expect(p).toMatchObject({ object: "payment", rail: "card", status: "succeeded", amount: 250000, currency: "NGN" });
    expect(p.details).toEqual({ brand: "visa", last4: "4242", expMonth: 12, expYear: new Date().getUTCFullYear() + 2 });
    expect(p).not.toHaveProperty("fee");

    const merchantView = await api().get(`/api/v1/payments/${p.id}`);
    expect(merchantView.status).toBe(200);
    expect(merchantView.body).toMatchObject({ id: p.id, session: s.id, status: "succeeded", fee: 7250, netAmount: 242750, requiresRefund: false });
    const session = await api().get(`/api/v1/checkout/sessions/${s.id}`);
    expect(session.body.status).toBe("paid");
    expect(session.body.paidAt).not.toBeNull();
    expect(session.body.payment.id).toBe(p.id);
    expect(await eventsFor(A().testKey, "checkout.session.paid", s.id)).toHaveLength(1);
    expect(await eventsFor(A().testKey, "payment.succeeded", s.id)).toHaveLength(1);
  });

  it.each([
    ["4000000000000002", "card_declined"],
    ["4000000000009995", "insufficient_funds"],
    ["4000000000000069", "expired_card"],
    ["4000000000000127", "incorrect_cvc"],
    ["4000000000000119", "processing_error"],
    ["4111111111111111", "card_declined"],
  ])("declines %s with %s and leaves the session open", async (number, code) => {
    const s = await createSession(A().testKey);
    const res = await pay(s.id, CARD(number));
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("open");
    expect(res.body.payment).toMatchObject({ status: "failed", failureCode: code });
    expect(await eventsFor(A().testKey, "payment.failed", s.id)).toHaveLength(1);
  });

  it.each(["5555555555554444", "378282246310005"])("accepts %s", async (number) => {
    const s = await createSession(A().testKey, { currency: "USD", amount: 1999 });
    const res = await pay(s.id, CARD(number));
    expect(res.body.status).toBe("paid");
  });

  it("asks for 3-D Secure on 4000002760003184 and settles when the sandbox confirms", async () => {
    const s = await createSession(A().testKey);
    const res = await pay(s.id, CARD("4000002760003184"));
    expect(res.body.status).toBe("pending");
    expect(res.body.payment.status).toBe("requires_action");
    expect(res.body.nextAction).toEqual({ type: "three_d_secure", url: `${inject("baseUrl")}/checkout/${s.id}/3ds` });
    const ok = await api().post(`/api/v1/test/payments/${res.body.payment.id}/succeed`, {});
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe("succeeded");
    expect((await api().get(`/api/v1/checkout/sessions/${s.id}`)).body.status).toBe("paid");
  });

  it("checks the card before any attempt and names every bad field", async () => {
    const s = await createSession(A().testKey);
    const res = await pay(s.id, { rail: "card", card: { number: "4242424242424241", expMonth: 1, expYear: 2020, cvc: "12" } });
    expect(res.status).toBe(400);
    expect(res.body.error.type).toBe("validation_error");
    expect(res.body.error.issues.map((i: any) => [i.path.join("."), i.code])).toEqual([
      ["card.number", "card_number_invalid"],
      ["card.expMonth", "card_expired"],
      ["card.cvc", "card_cvc_invalid"],
    ]);
    const amex3 = await pay(s.id, CARD("378282246310005", "123"));
    expect(amex3.body.error.issues[0].code).toBe("card_cvc_invalid");
    const session = await api().get(`/api/v1/checkout/sessions/${s.id}`);
    expect(session.body.payments).toEqual([]);
  });

  it("offers installments on BRL cards up to the session's maximum", async () => {
    const s = await createSession(A().testKey, { currency: "BRL", amount: 100_00, installments: { maxCount: 3 } });
    const tooMany = await pay(s.id, { ...CARD("4242424242424242"), installments: 4 });
    expect(tooMany.body.error.issues[0].code).toBe("installments_invalid");
    const res = await pay(s.id, { ...CARD("4242424242424242"), installments: 3 });
    expect(res.body.payment.installments).toBe(3);
  });

  it("asks the sandbox for exactly the total when R$ 174,90 is paid in 4 parts that do not divide it", async () => {
    const s = await createSession(A().testKey, { currency: "BRL", amount: 174_90, installments: { maxCount: 4 } });
    const res = await pay(s.id, { ...CARD("4242424242424242"), installments: 4 });
    expect(res.body.status).toBe("paid");
    expect(res.body.payment).toMatchObject({ amount: 174_90, currency: "BRL", installments: 4 });
    const merchantView = await api().get(`/api/v1/payments/${res.body.payment.id}`);
    expect(merchantView.body.amount).toBe(174_90);
    expect(merchantView.body.fee + merchantView.body.netAmount).toBe(174_90);
  });

  it("fails the session after five failed attempts", async () => {
    const s = await createSession(A().testKey);
    for (let i = 0; i < 4; i++) expect((await pay(s.id, CARD("4000000000000002"))).body.status).toBe("open");
    const fifth = await pay(s.id, CARD("4000000000000002"));
    expect(fifth.body.status).toBe("failed");
    expect(await eventsFor(A().testKey, "checkout.session.failed", s.id)).toHaveLength(1);
    const after = await pay(s.id, CARD("4242424242424242"));
    expect(after.status).toBe(409);
    expect(after.body.error.code).toBe("session_not_payable");
  });
});

describe("bank rails (NGN)", () => {
  it("gives a one-time NUBAN for a transfer, and the sandbox settles it", async () => {
    const s = await createSession(A().testKey);
    const res = await pay(s.id, { rail: "transfer" });
    expect(res.body.status).toBe("pending");
    const p = res.body.payment;
    expect(p.status).toBe("pending");
    expect(p.details.bankName).toBe("Wema Bank");
    expect(isValidNuban("035", p.details.accountNumber)).toBe(true);
    const minutes = (Date.parse(p.details.expiresAt) - Date.parse(p.createdAt)) / 60_000;
    expect(minutes).toBe(30);
    expect(res.body.nextAction.type).toBe("bank_transfer");
    expect(await eventsFor(A().testKey, "checkout.session.pending", s.id)).toHaveLength(1);
    expect(await eventsFor(A().testKey, "payment.pending", s.id)).toHaveLength(1);

    const ok = await api().post(`/api/v1/test/payments/${p.id}/succeed`, {});
    expect(ok.body).toMatchObject({ status: "succeeded", fee: 2500, netAmount: 247500 });
    const view = await client(null).get(`/api/v1/checkout/${s.id}`);
    expect(view.body).toMatchObject({ status: "paid", redirectUrl: `https://shop.example.com/thanks?session=${s.id}` });
    // A second confirmation is not news.
    const again = await api().post(`/api/v1/test/payments/${p.id}/succeed`, {});
    expect(again.status).toBe(200);
    expect(await eventsFor(A().testKey, "payment.succeeded", s.id)).toHaveLength(1);
  });

  it("reopens the session when the transfer fails", async () => {
    const s = await createSession(A().testKey);
    const p = (await pay(s.id, { rail: "transfer" })).body.payment;
    const failed = await api().post(`/api/v1/test/payments/${p.id}/fail`, { failureCode: "transfer_reversed" });
    expect(failed.body).toMatchObject({ status: "failed", failureCode: "transfer_reversed" });
    expect((await client(null).get(`/api/v1/checkout/${s.id}`)).body.status).toBe("open");
    expect((await api().post(`/api/v1/test/payments/${p.id}/succeed`, {})).status).toBe(409);
  });

  it("reuses the virtual account of the same customer email", async () => {
    const email = `buyer${Date.now()}@example.com`;
    const s1 = await createSession(A().testKey, { customer: { email } });
    const s2 = await createSession(A().testKey);
    const first = await pay(s1.id, { rail: "virtual_account" });
    const second = await pay(s2.id, { rail: "virtual_account", email: email.toUpperCase() });
    expect(first.body.payment.details.accountNumber).toBe(second.body.payment.details.accountNumber);
    const other = await pay((await createSession(A().testKey)).id, { rail: "virtual_account", email: `x${email}` });
    expect(other.body.payment.details.accountNumber).not.toBe(first.body.payment.details.accountNumber);
    const missing = await pay((await createSession(A().testKey)).id, { rail: "virtual_account" });
    expect(missing.body.error.issues[0].code).toBe("email_required");
  });

  it("builds the USSD dial string from the bank's short code, for exactly the total", async () => {
    const s = await createSession(A().testKey, { amount: 2_650_000 });
    const res = await pay(s.id, { rail: "ussd", bank: "gtbank" });
    expect(res.body.payment).toMatchObject({ amount: 2_650_000, currency: "NGN" });
    expect(res.body.payment.details.bank).toBe("Guaranty Trust Bank");
    expect(res.body.payment.details.dialString).toMatch(/^\*737\*33\*26500\*\d{8}#$/);
    expect(res.body.nextAction.telUrl).toMatch(/^tel:\*737\*33\*26500\*\d{8}%23$/);
    expect((await pay(s.id, { rail: "ussd", bank: "nope" })).body.error.issues[0].code).toBe("bank_required");
  });

  describe("a total with kobo (₦26,500.50), which USSD's whole naira cannot ask for", () => {
    it("is not offered USSD by default, and paying by USSD is a 400 rail_unavailable that asks for nothing", async () => {
      const s = await createSession(A().testKey, { amount: 2_650_050 });
      expect(s.paymentMethods).not.toContain("ussd");
      expect(s.paymentMethods).toContain("transfer");
      const res = await pay(s.id, { rail: "ussd", bank: "gtbank" });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ type: "validation_error", code: "rail_unavailable" });
      expect(res.body.error.message).toContain("cannot ask for exactly this session's amount");
      expect(res.body.error.issues).toEqual([{ path: ["rail"], code: "rail_unavailable", message: expect.any(String) }]);
      expect(typeof res.body.error.requestId).toBe("string");
      const session = await api().get(`/api/v1/checkout/sessions/${s.id}`);
      expect(session.body).toMatchObject({ status: "open", payments: [] });
    });

    it("refuses a session that asks for USSD by name, with the field to change", async () => {
      const res = await api().post("/api/v1/checkout/sessions", sessionBody({ amount: 2_650_050, paymentMethods: ["transfer", "ussd"] }));
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ type: "validation_error", code: "rail_unavailable" });
      expect(res.body.error.message).toContain("26500.50 NGN");
      expect(res.body.error.issues).toEqual([{ path: ["paymentMethods", 1], code: "rail_unavailable", message: "ussd cannot take exactly 26500.50 NGN" }]);
      const preferred = await api().post("/api/v1/checkout/sessions", sessionBody({ amount: 2_650_050, preferredPaymentMethod: "ussd" }));
      expect(preferred.status).toBe(400);
      expect(preferred.body.error.issues.map((i: any) => i.path)).toEqual([["preferredPaymentMethod"]]);
      // The same rails for whole naira are fine.
      expect((await api().post("/api/v1/checkout/sessions", sessionBody({ amount: 2_650_000, paymentMethods: ["transfer", "ussd"] }))).status).toBe(201);
    });
  });

  it("takes a direct debit mandate on a valid NUBAN only", async () => {
    const s = await createSession(A().testKey);
    const bad = await pay(s.id, { rail: "direct_debit", bank: "058", accountNumber: "0123456789" });
    expect(bad.body.error.issues.map((i: any) => i.code)).toEqual(["account_number_invalid", "mandate_consent_required"]);
    const res = await pay(s.id, { rail: "direct_debit", bank: "058", accountNumber: "0123456785", mandateConsent: true });
    expect(res.body.status).toBe("pending");
    expect(res.body.payment.details).toEqual({ bank: "Guaranty Trust Bank", accountNumber: "******6785" });
  });

  it("cancels the waiting payment when the buyer picks another rail", async () => {
    const s = await createSession(A().testKey);
    const transfer = (await pay(s.id, { rail: "transfer" })).body.payment;
    const card = await pay(s.id, CARD("4242424242424242"));
    expect(card.body.status).toBe("paid");
    expect((await api().get(`/api/v1/payments/${transfer.id}`)).body.status).toBe("canceled");
    // The bank's late word on the abandoned transfer is still recorded, flagged for refund.
    const late = await api().post(`/api/v1/test/payments/${transfer.id}/succeed`, {});
    expect(late.body).toMatchObject({ status: "succeeded", requiresRefund: true });
    expect(await eventsFor(A().testKey, "checkout.session.paid", s.id)).toHaveLength(1);
    expect(await eventsFor(A().testKey, "payment.succeeded", s.id)).toHaveLength(2);
  });
});

describe("Brazilian rails", () => {
  it("issues a Pix BR Code for the exact amount, valid 30 minutes", async () => {
    const s = await createSession(A().testKey, { currency: "BRL", amount: 12345 });
    const res = await pay(s.id, { rail: "pix" });
    const parsed = parsePixBrCode(res.body.payment.details.brCode);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value).toMatchObject({ amountMinor: 12345, merchantName: "Acme Lagos" });
    const p = res.body.payment;
    expect((Date.parse(p.details.expiresAt) - Date.parse(p.createdAt)) / 60_000).toBe(30);
  });

  it("needs a name and a valid CPF or CNPJ for a boleto, due in 3 days", async () => {
    const s = await createSession(A().testKey, { currency: "BRL", amount: 5000 });
    const bad = await pay(s.id, { rail: "boleto", document: "123.456.789-00" });
    expect(bad.body.error.issues.map((i: any) => i.code)).toEqual(["name_required", "document_invalid"]);
    const res = await pay(s.id, { rail: "boleto", name: "Maria Silva", document: "529.982.247-25" });
    const d = res.body.payment.details;
    expect(isValidBarcode(d.barcode)).toBe(true);
    expect(isValidDigitableLine(d.digitableLine)).toBe(true);
    expect(d.digitableLine).toHaveLength(47);
    const due = new Date(Date.parse(res.body.payment.createdAt) + 3 * 86_400_000).toISOString().slice(0, 10);
    expect(d.dueDate).toBe(due);
  });
});

describe("mobile money", () => {
  it("takes an approval from an operator of the phone's country", async () => {
    const s = await createSession(A().testKey, { currency: "XOF", amount: 5000 });
    expect((await pay(s.id, { rail: "mobile_money", operator: "orange", phone: "+22501234" })).body.error.issues[0].code).toBe("phone_invalid");
    expect((await pay(s.id, { rail: "mobile_money", operator: "mpesa", phone: "+2250707123456" })).body.error.issues[0].code).toBe("operator_invalid");
    const res = await pay(s.id, { rail: "mobile_money", operator: "orange", phone: "07 07 12 34 56" });
    expect(res.body.payment.details).toEqual({ operator: "orange", phone: "+2250707123456" });
    expect(res.body.nextAction).toEqual({ type: "approve_on_phone", operator: "Orange Money", phone: "+2250707123456" });
    const ok = await api().post(`/api/v1/test/payments/${res.body.payment.id}/succeed`, {});
    expect(ok.body.status).toBe("succeeded");
  });
});

describe("the buyer API's guards", () => {
  it("offers only the rails of the currency", async () => {
    const s = await createSession(A().testKey, { currency: "USD", amount: 500 });
    const res = await pay(s.id, { rail: "pix" });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([{ path: ["rail"], code: "rail_unavailable", message: expect.any(String) }]);
  });

  it("refuses a live session no provider account can take, before any buyer sees it", async () => {
    // Merchant B has connected no live account (A's live Paystack account is e2e/api/paystack.test.ts's).
    const res = await client(B().liveKey).post("/api/v1/checkout/sessions", sessionBody());
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: "validation_error", code: "live_mode_unavailable" });
    expect((await client(B().liveKey).get("/api/v1/checkout/sessions")).body.data).toEqual([]);
  });

  it("refuses a filled honeypot", async () => {
    const s = await createSession(A().testKey);
    const res = await pay(s.id, { ...CARD("4242424242424242"), _hp_field: "http://spam.example" });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("payment_refused");
  });

  it("refuses a foreign Origin and lets the session's allowed origins call it", async () => {
    const s = await createSession(A().testKey, { allowedOrigins: ["https://shop.example.com"] });
    const foreign = await pay(s.id, CARD("4242424242424242"), { origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toMatchObject({ type: "permission_error", code: "origin_not_allowed" });
    const ours = await pay(s.id, CARD("4000000000000002"), { origin: inject("baseUrl") });
    expect(ours.status).toBe(200);
    const merchant = await pay(s.id, CARD("4242424242424242"), { origin: "https://shop.example.com" });
    expect(merchant.status).toBe(200);
    expect(merchant.headers.get("access-control-allow-origin")).toBe("https://shop.example.com");
  });

  it("answers 404 for unknown sessions and bad bodies in the error format", async () => {
    expect((await pay("cs_test_doesnotexist000000000000", { rail: "card" })).status).toBe(404);
    const s = await createSession(A().testKey);
    const bad = await pay(s.id, { rail: "bitcoin" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toEqual(["rail"]);
    const raw = await client(null).request("POST", `/api/v1/checkout/${s.id}/pay`, { raw: "{", headers: { "content-type": "application/json" } });
    expect(raw.body.error.code).toBe("invalid_json");
  });

  it("shows the buyer no metadata, fees or merchant settings", async () => {
    const s = await createSession(A().testKey, { metadata: { secret: "x" }, clientReferenceId: "ord_1" });
    const view = await client(null).get(`/api/v1/checkout/${s.id}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ id: s.id, status: "open", merchant: { name: "Acme Lagos", brandColor: "#1d4ed8" } });
    expect(view.text).not.toContain("metadata");
    expect(view.text).not.toContain("ord_1");
  });
});

describe("sandbox endpoints", () => {
  let paymentId: string;
  beforeAll(async () => {
    const s = await createSession(A().testKey);
    paymentId = (await pay(s.id, { rail: "transfer" })).body.payment.id;
  });

  it("are not found with a live key or another merchant's key", async () => {
    expect((await client(A().liveKey).post(`/api/v1/test/payments/${paymentId}/succeed`, {})).status).toBe(404);
    expect((await client(B().testKey).post(`/api/v1/test/payments/${paymentId}/succeed`, {})).status).toBe(404);
    expect((await client(B().testKey).get(`/api/v1/payments/${paymentId}`)).status).toBe(404);
    expect((await client(A().liveKey).get(`/api/v1/payments/${paymentId}`)).status).toBe(404);
  });

  it("refuse to confirm a card payment that already failed", async () => {
    const s = await createSession(A().testKey);
    const p = (await pay(s.id, CARD("4000000000000002"))).body.payment;
    const res = await api().post(`/api/v1/test/payments/${p.id}/succeed`, {});
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("payment_not_pending");
  });

  it("are in the OpenAPI document", async () => {
    const doc = (await client(null).get("/api/v1/openapi.json")).body;
    for (const path of ["/api/v1/payments/{id}", "/api/v1/checkout/{id}", "/api/v1/checkout/{id}/pay", "/api/v1/test/payments/{id}/succeed", "/api/v1/test/payments/{id}/fail"]) {
      expect(doc.paths).toHaveProperty([path]);
    }
  });
});

describe("deadlines", () => {
  it("keeps a pending session until its payment's deadline, then expires it and flags a late payment for refund", async () => {
    const s = await createSession(A().testKey, { expiresIn: 300 });
    const p = (await pay(s.id, { rail: "transfer" })).body.payment;
    await api().post("/api/v1/test/clock", { advanceSeconds: 600 });
    expect((await api().get(`/api/v1/checkout/sessions/${s.id}`)).body.status).toBe("pending");
    await api().post("/api/v1/test/clock", { advanceSeconds: 1500 });
    const expired = await api().get(`/api/v1/checkout/sessions/${s.id}`);
    expect(expired.body.status).toBe("expired");
    expect(expired.body.payments[0].status).toBe("canceled");
    const late = await api().post(`/api/v1/test/payments/${p.id}/succeed`, {});
    expect(late.body).toMatchObject({ status: "succeeded", requiresRefund: true });
    expect(await eventsFor(A().testKey, "checkout.session.paid", s.id)).toHaveLength(0);
    expect(await eventsFor(A().testKey, "checkout.session.expired", s.id)).toHaveLength(1);
  });
});
