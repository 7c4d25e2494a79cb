import { describe, expect, it } from "vitest";
import { paystackAdapter, paystackSignature } from ".";
import { fromReference, readBackOf, refundReadBackOf, toReference } from "./transformers";

describe("Paystack's references", () => {
  it("writes Kassa's payment id in the characters Paystack allows, and reads it back", () => {
    const id = "pay_0123456789abcdefghijKLMN";
    expect(toReference(id)).toBe("pay-0123456789abcdefghijKLMN");
    expect(toReference(id)).toMatch(/^[0-9A-Za-z.=-]+$/);
    expect(fromReference(toReference(id))).toBe(id);
    // One Paystack made up (a transfer into a dedicated account) is not ours.
    expect(fromReference("T123456789012345")).toBeNull();
    expect(fromReference("pay-short")).toBeNull();
  });

  it("has no reference for money into a dedicated account until it arrives", () => {
    expect(paystackAdapter.reference("pay_0123456789abcdefghij", "virtual_account")).toBeNull();
    expect(paystackAdapter.reference("pay_0123456789abcdefghij", "transfer")).toBe("pay-0123456789abcdefghij");
  });
});

describe("what Paystack's statuses mean", () => {
  const t = (status: string, extra = {}) => ({ status, reference: "pay-x", amount: 250000, currency: "NGN", gateway_response: "Declined", ...extra });
  it.each(["abandoned", "ongoing", "pending", "processing", "queued", "pending_bank_transfer", "pay_offline", "send_otp"])("%s is still under way", (status) => {
    expect(readBackOf(t(status))).toEqual({ state: "pending" });
  });
  it("success is money with its amount and currency; failed and reversed are failures with Paystack's reason", () => {
    expect(readBackOf(t("success"))).toEqual({ state: "succeeded", amount: 250000, currency: "NGN", providerRef: "pay-x" });
    expect(readBackOf(t("failed"))).toEqual({ state: "failed", failureCode: "payment_failed", failureMessage: "Paystack: Declined" });
    expect(readBackOf(t("reversed"))).toMatchObject({ state: "failed", failureCode: "payment_reversed" });
  });
});

describe("Paystack's webhook signature", () => {
  const key = "sk_test_0123456789abcdef0123";
  const context = { id: "pa_x", livemode: false, credentials: { secretKey: key } };
  const body = JSON.stringify({ event: "charge.success", data: { id: 7, reference: "pay-0123456789abcdefghij", status: "success" } });
  const read = (signature: string | null, raw = body) =>
    paystackAdapter.readNotification({ body: raw, headers: new Headers(signature ? { "x-paystack-signature": signature } : {}) }, context);

  it("is the hex HMAC-SHA512 of the raw body with the secret key", () => {
    expect(read(paystackSignature(body, key))).toEqual({ eventId: "charge.success:7:success", about: "payment", providerRef: "pay-0123456789abcdefghij" });
  });
  it("refuses a missing, wrong or tampered signature", () => {
    expect(() => read(null)).toThrow("bad signature");
    expect(() => read(paystackSignature(body, "sk_test_other"))).toThrow("bad signature");
    expect(() => read(paystackSignature(body, key), body.replace("success", "failed"))).toThrow("bad signature");
    expect(() => read("abc")).toThrow("bad signature");
  });
});

describe("Paystack's refunds", () => {
  const r = (status: string) => ({ id: 15000001, status, amount: 100000, currency: "NGN" });
  it.each(["pending", "processing", "needs-attention"])("%s is still under way", (status) => {
    expect(refundReadBackOf(r(status))).toEqual({ state: "pending", providerRef: "15000001" });
  });
  it("processed is the money back; failed is none", () => {
    expect(refundReadBackOf(r("processed"))).toEqual({ state: "succeeded", providerRef: "15000001" });
    expect(refundReadBackOf(r("failed"))).toMatchObject({ state: "failed", providerRef: "15000001", failureMessage: expect.any(String) });
  });

  it("reads a refund's notification as about its transaction's refunds, never its outcome", () => {
    const key = "sk_test_0123456789abcdef0123";
    const context = { id: "pa_x", livemode: false, credentials: { secretKey: key } };
    const read = (data: Record<string, unknown>, event = "refund.processed") => {
      const body = JSON.stringify({ event, data });
      return paystackAdapter.readNotification({ body, headers: new Headers({ "x-paystack-signature": paystackSignature(body, key) }) }, context);
    };
    const data = { status: "processed", transaction_reference: "pay-0123456789abcdefghij", refund_reference: "000015000001", amount: 100000, currency: "NGN" };
    expect(read(data)).toEqual({ eventId: "refund.processed:pay-0123456789abcdefghij:000015000001:100000:processed", about: "refund", providerRef: "pay-0123456789abcdefghij" });
    // A dedicated account's money has Paystack's own reference: still about that transaction.
    expect(read({ ...data, transaction_reference: "T123456789012345" })).toMatchObject({ about: "refund", providerRef: "T123456789012345" });
    expect(read({ status: "failed" }, "refund.failed")).toMatchObject({ about: "other" });
  });
});
