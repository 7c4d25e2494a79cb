// The Paystack adapter on its own, against the emulator: the refund the refunds issue will
// build on (SPEC 9), and the reads that reconciliation makes. Every request it sends is
// checked against Paystack's OpenAPI document by the emulator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPaystackEmulator, type PaystackEmulator } from "../support/paystack";
import { paystackKey } from "../support/providers";

let paystack: PaystackEmulator;
let adapter: typeof import("@/lib/providers/paystack").paystackAdapter;
const secretKey = paystackKey("test");
const account = { id: "pa_test", livemode: false, credentials: { secretKey } };

beforeAll(async () => {
  paystack = await startPaystackEmulator();
  // The adapter reads its base URL from the environment once: set it before it is first read.
  process.env.PAYSTACK_BASE_URL = paystack.url;
  process.env.PAYSTACK_CHECKOUT_URL = paystack.url;
  adapter = (await import("@/lib/providers/paystack")).paystackAdapter;
  await paystack.registerKey({ secretKey });
});

afterAll(async () => {
  const violations = await paystack.violations();
  await paystack.stop();
  expect(violations).toEqual([]);
});

const paymentId = () => `pay_${Math.random().toString(36).slice(2).padEnd(20, "x")}`;

async function paidCard(amount: number) {
  const id = paymentId();
  const at = new Date();
  const started = await adapter.startPayment(
    {
      paymentId: id,
      sessionId: "cs_test_x",
      livemode: false,
      merchant: { id: "mer_x", name: "Shop" },
      amount,
      currency: "NGN",
      at,
      challengeUrl: "http://kassa.example/3ds",
      returnUrl: "http://kassa.example/return",
      email: "buyer@example.com",
      request: { rail: "card", card: null, name: null, installments: null, email: "buyer@example.com" },
    },
    account,
  );
  if (started.nextAction?.type !== "redirect_to_url") throw new Error("no card page");
  await paystack.completeCheckout(started.nextAction.url, "pay");
  const ref = { id, rail: "card" as const, amount, currency: "NGN", providerRef: adapter.reference(id, "card"), providerData: {}, details: {}, createdAt: at, takenRefs: [] };
  return ref;
}

describe("the Paystack adapter", () => {
  it("reads a paid card back with its amount and currency", async () => {
    const p = await paidCard(150000);
    expect(await adapter.readBack(p, account)).toEqual({ state: "succeeded", amount: 150000, currency: "NGN", providerRef: p.providerRef });
  });

  it("refunds part of a payment, then the rest, and refuses more than was paid", async () => {
    const p = await paidCard(100000);
    expect(await adapter.refund!(p, 40000, account)).toMatchObject({ state: "pending", providerRef: expect.any(String) });
    expect(await adapter.refund!(p, 60000, account)).toMatchObject({ state: "pending" });
    await expect(adapter.refund!(p, 1, account)).rejects.toMatchObject({ name: "ProviderRefused", status: 400 });
    const sent = (await paystack.requests({ path: "/refund" })).map((r) => r.body);
    expect(sent).toContainEqual({ transaction: p.providerRef, amount: 40000, currency: "NGN" });
  });

  it("sent Paystack nothing its document refuses, and got nothing back it does not describe", async () => {
    expect(await paystack.violations()).toEqual([]);
  });

  it("checks the credentials with one harmless call, and names Paystack's refusal", async () => {
    await expect(adapter.checkCredentials({ secretKey })).resolves.toBeUndefined();
    await expect(adapter.checkCredentials({ secretKey: paystackKey("test") })).rejects.toMatchObject({ name: "ProviderRefused", providerMessage: "Invalid key" });
  });
});
