// Real money through Paystack (SPEC 8), against the Paystack emulator (e2e/support/paystack):
// a real HTTP server that refuses any request its official OpenAPI document would refuse.
// Merchant A's live account and merchant P's test-mode one were connected with the CLI
// (e2e/support/global-setup.ts); the shared server reconciles on a test scale.
import { createHmac } from "node:crypto";
import fs from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import postgres from "postgres";
import { client, pay, sessionBody } from "../support/api";
import { paystackEmulatorAt, type PaystackEmulator } from "../support/paystack";
import { waitFor } from "../support/wait";

const A = () => inject("merchantA");
const live = () => client(A().liveKey);
const P = () => client(inject("merchantP").testKey);
let paystack: PaystackEmulator;

beforeAll(async () => {
  paystack = paystackEmulatorAt(inject("paystackUrl"));
});

afterEach(async () => {
  await paystack.clearFaults();
  await paystack.setLatency(0);
});

afterAll(async () => {
  // Whatever the tests did, Kassa never sent Paystack a request its document refuses.
  expect(await paystack.violations()).toEqual([]);
});

const reference = (paymentId: string) => paymentId.replace(/^pay_/, "pay-");

async function liveSession(overrides: Record<string, unknown> = {}) {
  const res = await live().post("/api/v1/checkout/sessions", sessionBody({ customer: { email: "ada@example.com" }, ...overrides }));
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; paymentMethods: string[] };
}

async function session(id: string, api = live()) {
  return (await api.get(`/api/v1/checkout/sessions/${id}`)).body as { status: string; payment: any; payments: any[] };
}

async function eventTypes(sessionId: string, api = live()) {
  const res = await api.get(`/api/v1/events?limit=100`);
  return (res.body.data as { type: string; data: { object: { id: string; session?: string } } }[])
    .filter((e) => e.data.object.id === sessionId || e.data.object.session === sessionId)
    .map((e) => e.type);
}

describe("live sessions and the accounts that serve them", () => {
  it("offers only the rails the live Paystack account serves, in its currency", async () => {
    const s = await liveSession();
    expect(s.paymentMethods).toEqual(["card", "transfer", "virtual_account", "ussd", "direct_debit"]);
  });

  it("refuses a rail no live account serves, and a live session nothing can pay, saying what to connect", async () => {
    const account = `/api/v1/provider-accounts/${inject("paystackLive").id}`;
    expect((await live().request("PATCH", account, { body: { rails: ["card", "transfer"] } })).status).toBe(200);
    try {
      const rail = await live().post("/api/v1/checkout/sessions", sessionBody({ paymentMethods: ["card", "ussd"] }));
      expect(rail.status).toBe(400);
      expect(rail.body.error).toMatchObject({ type: "validation_error", code: "rail_unavailable" });
      expect(rail.body.error.issues).toEqual([expect.objectContaining({ path: ["paymentMethods", 1], code: "rail_unavailable" })]);
      expect((await live().post("/api/v1/checkout/sessions", sessionBody())).body.paymentMethods).toEqual(["card", "transfer"]);
    } finally {
      await live().request("PATCH", account, { body: { rails: ["card", "transfer", "virtual_account", "ussd", "direct_debit"] } });
    }
    const brl = await live().post("/api/v1/checkout/sessions", sessionBody({ currency: "BRL" }));
    expect(brl.status).toBe(400);
    expect(brl.body.error.code).toBe("live_mode_unavailable");
    expect(brl.body.error.message).toMatch(/provider-accounts|provider connect/);
    // Merchant B has no live account at all.
    const b = await client(inject("merchantB").liveKey).post("/api/v1/checkout/sessions", sessionBody());
    expect(b.body.error.code).toBe("live_mode_unavailable");
  });
});

describe("a bank transfer through Paystack", () => {
  it("shows the account Paystack issued, and is paid once Paystack's webhook is confirmed by its API", async () => {
    const s = await liveSession();
    const res = await pay(s.id, { rail: "transfer" });
    expect(res.status).toBe(200);
    const p = res.body.payment;
    expect(p).toMatchObject({ status: "pending", rail: "transfer" });
    const charge = (await paystack.requests({ reference: reference(p.id), path: "/charge", method: "POST" }))[0]!;
    expect(charge.body).toMatchObject({ email: "ada@example.com", amount: 250000, reference: reference(p.id), bank_transfer: {} });
    const issued = (await paystack.transaction(reference(p.id)))!;
    expect(p.nextAction).toMatchObject({ type: "bank_transfer", accountNumber: issued.accountNumber, bankName: expect.any(String), accountName: expect.any(String) });

    await paystack.settle(reference(p.id), { outcome: "success" });
    const paid = await waitFor(async () => ((await session(s.id)).status === "paid" ? session(s.id) : undefined), { what: "the session paid" });
    expect(paid.payment).toMatchObject({ id: p.id, status: "succeeded" });
    // The webhook's body was not believed: Kassa read the transaction back from Paystack's API.
    expect(await paystack.requests({ path: `/transaction/verify/${reference(p.id)}` })).not.toHaveLength(0);
    expect(await eventTypes(s.id)).toContain("checkout.session.paid");
  });

  it("is paid by reconciliation alone when the webhook is lost", async () => {
    const s = await liveSession();
    const p = (await pay(s.id, { rail: "transfer" })).body.payment;
    await paystack.settle(reference(p.id), { outcome: "success", webhook: false });
    const paid = await waitFor(async () => ((await session(s.id)).status === "paid" ? true : undefined), { what: "reconciliation" });
    expect(paid).toBe(true);
    expect(await paystack.webhooks({ reference: reference(p.id) })).toEqual([]);
  });

  it("does not mark a payment paid for the wrong amount, and records why", async () => {
    const s = await liveSession();
    const p = (await pay(s.id, { rail: "transfer" })).body.payment;
    await paystack.settle(reference(p.id), { outcome: "success", amount: 100 });
    const failed = await waitFor(async () => {
      const x = await session(s.id);
      return x.payments.find((q: any) => q.id === p.id)?.status === "failed" ? x : undefined;
    }, { what: "the mismatch recorded" });
    expect(failed.status).toBe("open");
    expect(failed.payments.find((q: any) => q.id === p.id)).toMatchObject({ failureCode: "amount_mismatch", requiresRefund: true });
  });
});

describe("Paystack's notifications", () => {
  const post = (accountId: string, body: string, signature: string | null) =>
    fetch(`${inject("baseUrl")}/api/v1/provider-events/${accountId}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(signature ? { "x-paystack-signature": signature } : {}) },
      body,
    });
  const sign = (body: string, key: string) => createHmac("sha512", key).update(body).digest("hex");

  it("answers 401 to a forged or unsigned notification and changes nothing", async () => {
    const s = await liveSession();
    const p = (await pay(s.id, { rail: "transfer" })).body.payment;
    const body = JSON.stringify({ event: "charge.success", data: { id: 1, reference: reference(p.id), status: "success", amount: 250000, currency: "NGN" } });
    for (const signature of [null, sign(body, "sk_live_not_the_key"), "00".repeat(64), "zz"]) {
      const res = await post(inject("paystackLive").id, body, signature);
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe("invalid_signature");
    }
    expect((await session(s.id)).status).toBe("pending");
  });

  it("never moves money on a signed body alone: Paystack's API has the last word", async () => {
    const s = await liveSession();
    const p = (await pay(s.id, { rail: "transfer" })).body.payment;
    // Signed with the right key, but Paystack has no payment for it yet.
    const body = JSON.stringify({ event: "charge.success", data: { id: 99, reference: reference(p.id), status: "success", amount: 250000, currency: "NGN" } });
    const res = await post(inject("paystackLive").id, body, sign(body, inject("paystackLive").secretKey));
    expect(res.status).toBe(200);
    expect((await session(s.id)).status).toBe("pending");
  });

  it("takes a replayed notification once", async () => {
    const s = await liveSession();
    const p = (await pay(s.id, { rail: "transfer" })).body.payment;
    await paystack.settle(reference(p.id), { outcome: "success" });
    await waitFor(async () => ((await session(s.id)).status === "paid" ? true : undefined));
    const replay = await paystack.resendWebhook(reference(p.id));
    expect(replay.status).toBe(200);
    const types = await eventTypes(s.id);
    expect(types.filter((t) => t === "checkout.session.paid")).toHaveLength(1);
    expect(types.filter((t) => t === "payment.succeeded")).toHaveLength(1);
  });

  it("is a 404 for an account that does not exist", async () => {
    expect((await post("pa_0000000000000000000000", "{}", null)).status).toBe(404);
  });
});

describe("a card on Paystack's own page", () => {
  it("sends the buyer to Paystack's page for this payment only, and asks Paystack on the way back", async () => {
    const s = await liveSession();
    const res = await pay(s.id, { rail: "card" });
    const p = res.body.payment;
    expect(p).toMatchObject({ status: "requires_action", nextAction: { type: "redirect_to_url" }, details: { last4: null } });
    const init = (await paystack.requests({ path: "/transaction/initialize" })).find((r) => (r.body as { reference?: string }).reference === reference(p.id))!;
    expect(init.body).toMatchObject({ channels: ["card"], amount: 250000, currency: "NGN", callback_url: expect.stringContaining(`/checkout/${s.id}/return?payment=${p.id}`) });
    // A forged return (the query string says paid) is not believed: Paystack has not been paid.
    const forged = await fetch(`${inject("baseUrl")}/checkout/${s.id}/return?payment=${p.id}&trxref=${reference(p.id)}&status=success`, { redirect: "manual" });
    expect(forged.headers.get("location")).toBe(`/checkout/${s.id}`);
    expect((await session(s.id)).status).toBe("pending");

    const back = (await paystack.completeCheckout(p.nextAction.url, "pay"))!;
    const ret = await fetch(back, { redirect: "manual" });
    expect(ret.headers.get("location")).toBe(`https://shop.example.com/thanks?session=${s.id}`);
    expect((await session(s.id)).payment).toMatchObject({ status: "succeeded" });
  });

  it("never takes a card number in live mode", async () => {
    const s = await liveSession();
    const res = await pay(s.id, { rail: "card", card: { number: "4242424242424242", expMonth: 12, expYear: 2034, cvc: "123" } });
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0]).toMatchObject({ path: ["card"], code: "card_not_accepted" });
    // Not even to Paystack: nothing was sent for it.
    expect((await paystack.requests()).some((r) => JSON.stringify(r.body ?? "").includes("4242424242424242"))).toBe(false);
  });

  it("asks for the buyer's email when the session has none", async () => {
    const s = await liveSession({ customer: undefined });
    const res = await pay(s.id, { rail: "card" });
    expect(res.body.error.issues[0]).toMatchObject({ path: ["email"], code: "email_required" });
    expect((await pay(s.id, { rail: "card", email: "buyer@example.com" })).body.payment.status).toBe("requires_action");
  });
});

describe("USSD through Paystack", () => {
  it("shows the code Paystack gave, for the banks Paystack can charge", async () => {
    const s = await liveSession();
    const refused = await pay(s.id, { rail: "ussd", bank: "access" });
    expect(refused.body.payment).toMatchObject({ status: "failed", failureCode: "provider_refused" });
    const res = await pay(s.id, { rail: "ussd", bank: "gtbank" });
    const p = res.body.payment;
    const charge = (await paystack.requests({ reference: reference(p.id), path: "/charge", method: "POST" }))[0]!;
    expect((charge.body as { ussd: unknown }).ussd).toEqual({ type: "737" });
    expect(p.nextAction).toMatchObject({ type: "ussd", dialString: (await paystack.transaction(reference(p.id)))!.ussdCode });
    await paystack.settle(reference(p.id), { outcome: "failed", webhook: false });
    const after = await waitFor(async () => {
      const x = await session(s.id);
      return x.payments.find((q: any) => q.id === p.id)?.status === "failed" ? x : undefined;
    }, { what: "the failure read back" });
    expect(after.status).toBe("open");
  });
});

describe("when Paystack fails", () => {
  it("answering 500: nothing charged, the payment waits, and reconciliation settles it", async () => {
    const s = await liveSession();
    await paystack.addFault({ path: "^/charge$", method: "POST", mode: "500_after", times: 1 });
    const p = (await pay(s.id, { rail: "transfer" })).body.payment;
    expect(p).toMatchObject({ status: "pending", nextAction: null, details: null });
    // Paystack did make the charge (its answer was lost): paying it is found by reconciliation.
    await paystack.settle(reference(p.id), { outcome: "success", webhook: false });
    await waitFor(async () => ((await session(s.id)).status === "paid" ? true : undefined), { what: "reconciliation after a 500" });
    expect(await paystack.requests({ reference: reference(p.id), path: "/charge", method: "POST" })).toHaveLength(1);
  });

  it("hanging past the timeout: an unknown outcome, never a failure, and no second charge", async () => {
    const s = await liveSession();
    await paystack.addFault({ path: "^/charge$", method: "POST", mode: "hang", times: 1 });
    const started = Date.now();
    const p = (await pay(s.id, { rail: "transfer" })).body.payment;
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect(p).toMatchObject({ status: "pending", nextAction: null });
    // The buyer chooses another way; the old reference is never charged again.
    const anotherWay = await fetch(`${inject("baseUrl")}/checkout/${s.id}/another-way`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "",
      redirect: "manual",
    });
    expect(anotherWay.status).toBe(303);
    const again = (await pay(s.id, { rail: "transfer" })).body.payment;
    expect(again.id).not.toBe(p.id);
    expect(await paystack.requests({ reference: reference(p.id), path: "/charge", method: "POST" })).toHaveLength(1);
  });

  it("refusing the key: a failed payment with Paystack's reason, the buyer can try another way", async () => {
    const s = await liveSession();
    await paystack.addFault({ path: "^/charge$", method: "POST", mode: "401", times: 1 });
    const p = (await pay(s.id, { rail: "transfer" })).body.payment;
    expect(p).toMatchObject({ status: "failed", failureCode: "provider_refused" });
    expect(p.failureMessage).toMatch(/^Paystack refused the payment: /);
    expect((await session(s.id)).status).toBe("open");
  });
});

describe("a test-mode Paystack account", () => {
  it("takes the merchant's test-mode payments through Paystack's test environment instead of the sandbox", async () => {
    const res = await P().post("/api/v1/checkout/sessions", sessionBody({ customer: { email: "tester@example.com" } }));
    const s = res.body;
    const p = (await pay(s.id, { rail: "transfer" })).body.payment;
    expect((await paystack.transaction(reference(p.id)))?.domain).toBe("test");
    await paystack.settle(reference(p.id), { outcome: "success" });
    await waitFor(async () => ((await session(s.id, P())).status === "paid" ? true : undefined));
    // What Paystack does not serve (Pix, in BRL) still runs in the sandbox.
    const brl = (await P().post("/api/v1/checkout/sessions", sessionBody({ currency: "BRL" }))).body;
    expect((await pay(brl.id, { rail: "pix" })).body.payment.nextAction).toMatchObject({ type: "pix" });
  });
});

describe("secrets", () => {
  it("never writes a Paystack secret key to the server's log", async () => {
    const log = fs.readFileSync(inject("serverLog"), "utf8");
    expect(log.length).toBeGreaterThan(1000);
    for (const key of [inject("paystackLive").secretKey, inject("paystackTest").secretKey]) expect(log).not.toContain(key.slice(8));
  });

  it("keeps no Paystack secret key in clear in any table", async () => {
    if (inject("databaseKind") !== "postgres") return; // the shared PGlite database is the server's alone; see provider-accounts.test.ts
    const sql = postgres(inject("databaseUrl"), { max: 1, onnotice: () => {} });
    const tables = await sql<{ tablename: string }[]>`select tablename from pg_tables where schemaname = 'public'`;
    let dump = "";
    for (const { tablename } of tables) dump += JSON.stringify(await sql.unsafe(`select * from "${tablename}"`));
    await sql.end();
    for (const key of [inject("paystackLive").secretKey, inject("paystackTest").secretKey]) {
      expect(dump).not.toContain(key);
      expect(dump).not.toContain(key.slice(8));
    }
  });
});

describe("a dedicated virtual account through Paystack", () => {
  it("makes one account per customer email, keeps it for their next sessions, and matches the money to the payment", async () => {
    const email = `va-${Date.now()}@example.com`;
    const s1 = await liveSession({ customer: { email } });
    const p1 = (await pay(s1.id, { rail: "virtual_account" })).body.payment;
    expect(p1).toMatchObject({ status: "pending", nextAction: { type: "bank_transfer" } });
    const account = p1.nextAction.accountNumber as string;
    expect(await paystack.requests({ path: "/dedicated_account", method: "POST" })).not.toHaveLength(0);
    await paystack.payDedicatedAccount(account, { amount: 250000 });
    await waitFor(async () => ((await session(s1.id)).status === "paid" ? true : undefined), { what: "the transfer into the account matched" });

    // The next session of the same customer gets the same account, without asking Paystack for another.
    const made = (await paystack.requests({ path: "/dedicated_account", method: "POST" })).length;
    const s2 = await liveSession({ customer: { email }, amount: 120000 });
    const p2 = (await pay(s2.id, { rail: "virtual_account" })).body.payment;
    expect(p2.nextAction.accountNumber).toBe(account);
    expect(await paystack.requests({ path: "/dedicated_account", method: "POST" })).toHaveLength(made);
    // Its webhook lost: reconciliation finds the transfer by account, amount and time.
    await paystack.payDedicatedAccount(account, { amount: 120000, webhook: false });
    await waitFor(async () => ((await session(s2.id)).status === "paid" ? true : undefined), { what: "reconciliation of the account" });
    // The first payment's money was not counted twice.
    expect((await session(s1.id)).payments).toHaveLength(1);
  });
});

describe("a direct debit through Paystack", () => {
  it("has the mandate consented on Paystack's page, then charges it under Kassa's reference and waits for the debit", async () => {
    const s = await liveSession();
    const res = await pay(s.id, { rail: "direct_debit", bank: "gtbank", accountNumber: "0000000001", mandateConsent: true });
    const p = res.body.payment;
    expect(p).toMatchObject({ status: "requires_action", nextAction: { type: "redirect_to_url" } });
    const init = (await paystack.requests({ path: "/customer/authorization/initialize" })).at(-1)!;
    expect(init.body).toMatchObject({ channel: "direct_debit", account: { number: "0000000001", bank_code: "058" } });

    const back = (await paystack.completeMandate(p.nextAction.url, "authorize"))!;
    expect((await fetch(back, { redirect: "manual" })).headers.get("location")).toBe(`/checkout/${s.id}`);
    const waiting = (await session(s.id)).payment;
    expect(waiting).toMatchObject({ status: "pending", nextAction: { type: "await_debit" } });
    const charges = await paystack.requests({ path: "/transaction/charge_authorization" });
    expect(charges.filter((r) => (r.body as { reference?: string }).reference === reference(p.id))).toHaveLength(1);
    // A second return does not charge again.
    await fetch(back, { redirect: "manual" });
    expect((await paystack.requests({ path: "/transaction/charge_authorization" })).filter((r) => (r.body as { reference?: string }).reference === reference(p.id))).toHaveLength(1);

    await paystack.settle(reference(p.id), { outcome: "success" });
    await waitFor(async () => ((await session(s.id)).status === "paid" ? true : undefined), { what: "the debit" });
  });

  it("a declined debit fails the payment and reopens the session", async () => {
    const s = await liveSession();
    const p = (await pay(s.id, { rail: "direct_debit", bank: "gtbank", accountNumber: "0000000001", mandateConsent: true })).body.payment;
    await fetch((await paystack.completeMandate(p.nextAction.url, "authorize"))!, { redirect: "manual" });
    await paystack.settle(reference(p.id), { outcome: "failed", webhook: false });
    const after = await waitFor(async () => {
      const x = await session(s.id);
      return x.payment?.status === "failed" ? x : undefined;
    }, { what: "the failed debit read back" });
    expect(after.status).toBe("open");
  });
});

describe("races (run on PostgreSQL in CI)", () => {
  it("settles once when Paystack's webhook, its replays, the buyer's returns and reconciliation all arrive together", async () => {
    const s = await liveSession();
    const p = (await pay(s.id, { rail: "card" })).body.payment;
    const back = (await paystack.completeCheckout(p.nextAction.url, "pay"))!;
    await Promise.all([
      ...Array.from({ length: 4 }, () => fetch(back, { redirect: "manual" }).then((r) => r.arrayBuffer())),
      ...Array.from({ length: 4 }, () => paystack.resendWebhook(reference(p.id))),
    ]);
    await waitFor(async () => ((await session(s.id)).status === "paid" ? true : undefined));
    const types = await eventTypes(s.id);
    expect(types.filter((t) => t === "payment.succeeded")).toHaveLength(1);
    expect(types.filter((t) => t === "checkout.session.paid")).toHaveLength(1);
  });
});
