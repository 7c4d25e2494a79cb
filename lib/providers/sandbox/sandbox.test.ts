import { describe, expect, it } from "vitest";
import type { RailRequest } from "@/lib/rails";
import { isValidNuban } from "@/lib/rails/nuban";
import { parsePixBrCode } from "@/lib/rails/pix/pix";
import { isValidBarcode } from "@/lib/rails/boleto/boleto";
import { findNigerianBank } from "@/lib/rails/ng-banks";
import { SANDBOX_CARDS, sandboxProvider } from ".";
import type { StartPaymentRequest } from "../types";

const at = new Date("2026-06-15T12:00:00Z");
const start = (request: RailRequest, amount = 250_000) =>
  sandboxProvider.startPayment(
    {
    paymentId: "pay_0123456789abcdefghijklmn",
    sessionId: "cs_test_x",
    livemode: false,
    merchant: { id: "mer_1", name: "Loja São João" },
    amount,
    currency: "NGN",
    at,
    challengeUrl: "https://pay.example/checkout/cs_test_x/3ds",
    returnUrl: "https://pay.example/checkout/cs_test_x/return?payment=pay_0123456789abcdefghijklmn",
    email: null,
    request,
  } satisfies StartPaymentRequest);

const card = (number: string): RailRequest => ({
  rail: "card",
  card: { number, cvc: "123", expMonth: 12, expYear: 2030, brand: "visa", last4: number.slice(-4) },
  name: null,
  installments: null,
  email: null,
});

describe("the sandbox provider", () => {
  it.each(Object.entries(SANDBOX_CARDS))("answers %s deterministically (%s)", async (number, behaviour) => {
    const r = await start(card(number));
    if (behaviour === "succeeds") expect(r.status).toBe("succeeded");
    else if (behaviour === "challenge") expect(r.nextAction).toEqual({ type: "three_d_secure", url: "https://pay.example/checkout/cs_test_x/3ds" });
    else expect(r).toMatchObject({ status: "failed", failureCode: behaviour });
    expect(JSON.stringify(r)).not.toContain(number);
  });

  it("declines any other valid card", async () => {
    expect(await start(card("4111111111111111"))).toMatchObject({ status: "failed", failureCode: "card_declined" });
  });

  it("opens a transfer account with a valid NUBAN for 30 minutes", async () => {
    const r = await start({ rail: "transfer", email: null });
    expect(r.status).toBe("pending");
    expect(isValidNuban("035", r.details.accountNumber as string)).toBe(true);
    expect(r.expiresAt).toEqual(new Date(at.getTime() + 30 * 60_000));
  });

  it("uses the buyer's saved virtual account", async () => {
    const account = { bankId: "wema", bankName: "Wema Bank", accountNumber: "0123456785", accountName: "Shop (Kassa)" };
    const r = await start({ rail: "virtual_account", email: "a@b.co", account });
    expect(r.details.accountNumber).toBe("0123456785");
  });

  it("dials exactly the total for USSD, and never rounds kobo", async () => {
    const gtbank = findNigerianBank("gtbank")!;
    const r = await start({ rail: "ussd", bank: gtbank, email: null }, 2_650_000);
    expect(r.details.dialString).toMatch(/^\*737\*33\*26500\*\d{8}#$/);
    // The rail is not offered for ₦26,500.50 (lib/rails/ussd); were it asked, nothing is dialled.
    await expect(start({ rail: "ussd", bank: gtbank, email: null }, 2_650_050)).rejects.toThrow(RangeError);
  });

  it("issues a Pix code with ASCII merchant name and the payment as txid", async () => {
    const r = await start({ rail: "pix" }, 999);
    const parsed = parsePixBrCode(r.details.brCode as string);
    expect(parsed).toMatchObject({ ok: true, value: { merchantName: "Loja Sao Joao", amountMinor: 999, txid: "0123456789abcdefghijklmn" } });
  });

  it("makes a boleto due three days later, payable until that day ends in São Paulo", async () => {
    const r = await start({ rail: "boleto", name: "Maria", document: { type: "cpf", number: "52998224725" } }, 5000);
    expect(r.details.dueDate).toBe("2026-06-18");
    expect(isValidBarcode(r.details.barcode as string)).toBe(true);
    expect(r.expiresAt).toEqual(new Date("2026-06-19T03:00:00Z"));
  });

  it("turns the test endpoints' bodies and 3-D Secure answers into notifications", async () => {
    expect(sandboxProvider.parseNotification({ paymentId: "pay_1", outcome: "failed" })).toMatchObject({ failureCode: "payment_failed" });
    expect(await sandboxProvider.completeChallenge({ id: "pay_1" }, false)).toMatchObject({ outcome: "failed", failureCode: "authentication_failed" });
    expect(() => sandboxProvider.parseNotification({ paymentId: "pay_1", outcome: "maybe" })).toThrow();
  });
});
