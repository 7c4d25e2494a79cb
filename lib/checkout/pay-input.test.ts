import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/errors";
import { payInput, toRailRequest, type PaySessionFacts } from "./pay-input";

const at = new Date("2026-06-15T12:00:00Z");
const makeSession = (over: Partial<PaySessionFacts> = {}): PaySessionFacts => ({
  amount: 250_000,
  currency: "NGN",
  paymentMethods: ["card", "transfer", "virtual_account", "ussd", "direct_debit"],
  installments: null,
  customerEmail: null,
  customerName: null,
  customerDocument: null,
  emailRequired: false,
  hostedCard: false,
  ...over,
});

function codes(session: PaySessionFacts, body: unknown): string[] {
  try {
    toRailRequest(session, payInput.parse(body), at);
    return [];
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return err.issues!.map((i) => `${i.path.join(".")}:${i.code}`);
  }
}

describe("toRailRequest", () => {
  it("keeps only what the provider needs of a valid card", () => {
    const r = toRailRequest(makeSession(), payInput.parse({ rail: "card", card: { number: "4242 4242 4242 4242", expMonth: "12", expYear: "28", cvc: "123" } }), at);
    expect(r).toEqual({
      rail: "card",
      card: { number: "4242424242424242", cvc: "123", expMonth: 12, expYear: 2028, brand: "visa", last4: "4242" },
      name: null,
      installments: null,
      email: null,
    });
  });

  it("never takes a card number when the processor's own page takes the card", () => {
    const hosted = makeSession({ hostedCard: true, emailRequired: true, customerEmail: "ada@example.com" });
    expect(toRailRequest(hosted, payInput.parse({ rail: "card" }), at)).toEqual({ rail: "card", card: null, name: null, installments: null, email: "ada@example.com" });
    expect(codes(hosted, { rail: "card", card: { number: "4242424242424242", expMonth: 12, expYear: 28, cvc: "123" } })).toEqual(["card:card_not_accepted"]);
  });

  it("asks for the buyer's email when the processor needs one and the session has none", () => {
    const needs = makeSession({ emailRequired: true });
    expect(codes(needs, { rail: "transfer" })).toEqual(["email:email_required"]);
    expect(codes(needs, { rail: "ussd", bank: "gtbank", email: "not-an-email" })).toEqual(["email:email_invalid"]);
    expect(codes(makeSession({ emailRequired: true, hostedCard: true }), { rail: "card" })).toEqual(["email:email_required"]);
    expect(toRailRequest(needs, payInput.parse({ rail: "transfer", email: "Ada@Example.com" }), at)).toEqual({ rail: "transfer", email: "ada@example.com" });
    expect(toRailRequest(makeSession(), payInput.parse({ rail: "transfer" }), at)).toEqual({ rail: "transfer", email: null });
  });

  it("checks Luhn, expiry and the brand's CVC length together", () => {
    expect(codes(makeSession(), { rail: "card", card: { number: "4242424242424241", expMonth: 13, expYear: 2028, cvc: "1234" } })).toEqual([
      "card.number:card_number_invalid",
      "card.expMonth:card_expiry_invalid",
      "card.cvc:card_cvc_invalid",
    ]);
    expect(codes(makeSession(), { rail: "card", card: { number: "378282246310005", expMonth: 5, expYear: 2026, cvc: "1234" } })).toEqual([
      "card.expMonth:card_expired",
    ]);
  });

  it("allows installments only on BRL sessions that offer them", () => {
    const card = { rail: "card", card: { number: "4242424242424242", expMonth: 1, expYear: 2030, cvc: "123" }, installments: 2 };
    expect(codes(makeSession(), card)).toEqual(["installments:installments_invalid"]);
    expect(codes(makeSession({ currency: "BRL", paymentMethods: ["card"], installments: { maxCount: 2 } }), card)).toEqual([]);
  });

  it("refuses a rail the session does not offer", () => {
    expect(codes(makeSession(), { rail: "pix" })).toEqual(["rail:rail_unavailable"]);
  });

  it("takes the virtual account's email from the session when the buyer gives none", () => {
    expect(toRailRequest(makeSession({ customerEmail: "ada@example.com" }), payInput.parse({ rail: "virtual_account" }), at)).toMatchObject({
      email: "ada@example.com",
    });
    expect(codes(makeSession(), { rail: "virtual_account", email: "not-an-email" })).toEqual(["email:email_invalid"]);
  });

  it("validates the direct-debit NUBAN against the chosen bank", () => {
    expect(codes(makeSession(), { rail: "direct_debit", bank: "gtbank", accountNumber: "0123456785", mandateConsent: true })).toEqual([]);
    expect(codes(makeSession(), { rail: "direct_debit", bank: "zenith", accountNumber: "0123456785", mandateConsent: true })).toEqual([
      "accountNumber:account_number_invalid",
    ]);
    expect(codes(makeSession(), { rail: "direct_debit" })).toEqual(["bank:bank_required", "mandateConsent:mandate_consent_required"]);
  });

  it("accepts a CNPJ for a boleto and refuses a wrong check digit", () => {
    const brl = makeSession({ currency: "BRL", paymentMethods: ["boleto"] });
    expect(toRailRequest(brl, payInput.parse({ rail: "boleto", name: "Loja", document: "11.222.333/0001-81" }), at)).toMatchObject({
      document: { type: "cnpj", number: "11222333000181" },
    });
    expect(codes(brl, { rail: "boleto", name: "Loja", document: "11.222.333/0001-82" })).toEqual(["document:document_invalid"]);
    expect(codes({ ...brl, amount: 10_000_000_000 }, { rail: "boleto", name: "Loja", document: "11222333000181" })).toEqual(["rail:amount_too_large"]);
  });

  it("finds the phone's country among those of the currency and its operator there", () => {
    const xof = makeSession({ currency: "XOF", amount: 5000, paymentMethods: ["mobile_money"] });
    expect(toRailRequest(xof, payInput.parse({ rail: "mobile_money", operator: "wave", phone: "+221771234567" }), at)).toMatchObject({
      country: "SN",
      phone: "+221771234567",
      operator: { id: "wave" },
    });
    expect(codes(xof, { rail: "mobile_money", operator: "mtn", phone: "+221771234567" })).toEqual(["operator:operator_invalid"]);
    expect(codes(xof, { rail: "mobile_money", operator: "mtn", phone: "+254712345678" })).toEqual(["phone:phone_invalid"]);
  });
});
