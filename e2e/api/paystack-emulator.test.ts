// The Paystack emulator itself (e2e/support/paystack): it refuses what Paystack's OpenAPI
// document refuses and records it, every 200 it sends keeps to the document's schema, its
// webhooks are signed as Paystack signs them, and its faults and latency behave. No Kassa here.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { BANKS, isNuban, loadContract, nuban, startPaystackEmulator, type PaystackEmulator } from "../support/paystack";
import { documentPath } from "../support/paystack/contract";
import { waitFor } from "../support/wait";

const contract = loadContract();
const KEY = "sk_test_emulator0000000000000000000001";
const LIVE_KEY = "sk_live_emulator0000000000000000000001";

type Delivery = { body: string; signature: string | undefined };

let emulator: PaystackEmulator;
let hook: { url: string; received: Delivery[]; answer: number; close(): Promise<void> };

async function startHookReceiver(): Promise<typeof hook> {
  const received: Delivery[] = [];
  const state = { answer: 200 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ body: Buffer.concat(chunks).toString("utf8"), signature: req.headers["x-paystack-signature"] as string | undefined });
      res.writeHead(state.answer).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/paystack`,
    received,
    get answer() {
      return state.answer;
    },
    set answer(v: number) {
      state.answer = v;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** A call to the emulator's API with a secret key; the 200s are checked against the document. */
async function paystack(method: string, path: string, body?: unknown, key = KEY) {
  const res = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as { status: boolean; message: string; data: Record<string, any>; meta?: Record<string, any> };
  if (res.status === 200) {
    const op = contract.operation(method, new URL(path, emulator.url).pathname);
    expect(op, `${method} ${path} is in the document`).toBeDefined();
    expect(contract.checkResponse(op!.op, json)).toEqual([]);
  }
  return { status: res.status, body: json };
}

const sign = (body: string, key = KEY) => crypto.createHmac("sha512", key).update(body).digest("hex");
let refs = 0;
const ref = (prefix = "kassa") => `${prefix}-${Date.now().toString(36)}-${++refs}`;

function expectSignedWebhook(d: Delivery, event: string, reference: string) {
  expect(d.signature).toBe(sign(d.body));
  const parsed = JSON.parse(d.body) as { event: string; data: { reference: string } };
  expect(parsed.event).toBe(event);
  expect(parsed.data.reference).toBe(reference);
  // No schema for events in the document (SOURCE.md): the data is the verify endpoint's transaction.
  expect(contract.checkSchema("/components/schemas/VerifyResponse/properties/data", parsed.data)).toEqual([]);
  return parsed;
}

/** Waits until `condition` holds (waitFor stops at any defined value, false included). */
const until = (condition: () => boolean | Promise<boolean>) => waitFor(async () => ((await condition()) ? true : undefined), { timeoutMs: 5000 });

const deliveriesFor = (reference: string) => hook.received.filter((d) => (JSON.parse(d.body) as { data: { reference: string } }).data.reference === reference);

beforeAll(async () => {
  hook = await startHookReceiver();
  emulator = await startPaystackEmulator();
});

afterAll(async () => {
  await emulator?.stop();
  await hook?.close();
});

// The server checks each 200 it sends against the document and records a slip as a "response"
// violation: none may be left when a test ends (the requests each test refuses on purpose are
// asserted where they are made).
afterEach(async () => {
  expect((await emulator.violations()).filter((v) => v.kind === "response")).toEqual([]);
});

beforeEach(async () => {
  await emulator.reset();
  hook.answer = 200;
  await emulator.registerKey({ secretKey: KEY, webhookUrl: hook.url });
  await emulator.registerKey({ secretKey: LIVE_KEY });
});

it("makes account numbers by the CBN NUBAN vectors", () => {
  const vectorsFile = path.resolve(path.dirname(documentPath()), "../../vectors/rails.json");
  const { vectors } = (JSON.parse(fs.readFileSync(vectorsFile, "utf8")) as { nuban: { vectors: { bank_code: string; serial: string; account_number: string }[] } }).nuban;
  for (const v of vectors) expect(nuban(v.bank_code, v.serial)).toBe(v.account_number);
});

describe("keys", () => {
  it("answers 401 Invalid key to a missing or unknown key, 200 to a registered one", async () => {
    const none = await fetch(`${emulator.url}/balance`);
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ status: false, message: "Invalid key" });
    const unknown = await paystack("GET", "/balance", undefined, "sk_test_unknown");
    expect(unknown).toEqual({ status: 401, body: { status: false, message: "Invalid key" } });
    const known = await paystack("GET", "/balance");
    expect(known.status).toBe(200);
    expect(known.body.data).toEqual([{ currency: "NGN", balance: 0 }]);
  });

  it("puts a live key's transactions in the live domain", async () => {
    const reference = ref();
    await paystack("POST", "/transaction/initialize", { email: "ada@example.com", amount: 10_000, reference }, LIVE_KEY);
    const verified = await paystack("GET", `/transaction/verify/${reference}`, undefined, LIVE_KEY);
    expect(verified.body.data.domain).toBe("live");
    // One integration per key: the test key does not see it.
    expect((await paystack("GET", `/transaction/verify/${reference}`)).status).toBe(404);
  });
});

describe("contract", () => {
  const refused: [string, string, string, unknown, RegExp][] = [
    ["initialize without email", "POST", "/transaction/initialize", { amount: 10_000 }, /required property 'email'/],
    ["amount as a string", "POST", "/transaction/initialize", { email: "ada@example.com", amount: "10000" }, /amount must be integer/],
    ["a channel not in the enum", "POST", "/transaction/initialize", { email: "ada@example.com", amount: 10_000, channels: ["card", "crypto"] }, /channels\.1 must be equal to one of the allowed values/],
    ["a currency not in the enum", "POST", "/transaction/initialize", { email: "ada@example.com", amount: 10_000, currency: "XOF" }, /currency must be equal to one of the allowed values/],
    ["a reference with characters Paystack refuses", "POST", "/transaction/initialize", { email: "ada@example.com", amount: 10_000, reference: "pay_123" }, /reference may hold only/],
    ["ussd.type 123", "POST", "/charge", { email: "ada@example.com", amount: 10_000, ussd: { type: "123" } }, /ussd\.type must be equal to one of the allowed values/],
    ["bank_transfer.account_expires_at not a date", "POST", "/charge", { email: "ada@example.com", amount: 10_000, bank_transfer: { account_expires_at: "tomorrow" } }, /bank_transfer\.account_expires_at/],
    ["a status filter not in the enum", "GET", "/transaction?status=pending", undefined, /status must be equal to one of the allowed values/],
    ["a direct debit channel other than direct_debit", "POST", "/customer/authorization/initialize", { email: "ada@example.com", channel: "card" }, /channel must be equal to one of the allowed values/],
  ];

  it.each(refused)("refuses %s with a 400 and records it", async (_name, method, path, body, expected) => {
    const res = await paystack(method, path, body);
    expect(res.status).toBe(400);
    expect(res.body.status).toBe(false);
    expect(res.body.message).toMatch(/^Contract violation: /);
    expect(res.body.message).toMatch(expected);
    const violations = await emulator.violations();
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ kind: "request", method, path: new URL(path, emulator.url).pathname });
    expect(violations[0]!.problems.join("\n")).toMatch(expected);
  });

  it("judges a missing body as an empty one", async () => {
    const res = await fetch(`${emulator.url}/transaction/initialize`, { method: "POST", headers: { authorization: `Bearer ${KEY}` } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/required property 'email'/);
  });

  it("refuses a path the document does not have", async () => {
    const res = await paystack("GET", "/transactions/verify/x");
    expect(res.status).toBe(404);
    expect(await emulator.violations()).toMatchObject([{ kind: "unknown_operation" }]);
  });

  it("accepts Pay with Transfer's bank_transfer object, which the document lacks", async () => {
    const res = await paystack("POST", "/charge", { email: "ada@example.com", amount: 10_000, bank_transfer: { account_expires_at: "2030-01-01T10:00:00Z" } });
    expect(res.status).toBe(200);
    expect(await emulator.violations()).toEqual([]);
  });
});

describe("hosted checkout (transaction/initialize)", () => {
  async function initialize(reference = ref()) {
    const res = await paystack("POST", "/transaction/initialize", {
      email: "ada@example.com",
      amount: 250_000,
      currency: "NGN",
      reference,
      channels: ["card"],
      callback_url: "https://shop.example/return?order=7",
      metadata: { paymentId: reference },
    });
    expect(res.status).toBe(200);
    return { reference, ...(res.body.data as { authorization_url: string; access_code: string }) };
  }

  it("is abandoned until paid, then success with a card authorization and a signed charge.success", async () => {
    const t = await initialize();
    expect(t.authorization_url).toBe(`${emulator.url}/pay/${t.access_code}`);
    expect((await paystack("GET", `/transaction/verify/${t.reference}`)).body.data).toMatchObject({ status: "abandoned", paid_at: null });

    const page = await fetch(t.authorization_url);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("NGN 2,500.00");
    expect(html).toContain("ada@example.com");
    expect(html).toMatch(/<form method="post"[^>]*>.*id="pay"/s);
    expect(html).toMatch(/id="decline"/);

    const back = await emulator.completeCheckout(t.authorization_url, "pay");
    expect(back).toBe(`https://shop.example/return?order=7&trxref=${t.reference}&reference=${t.reference}`);

    const verified = await paystack("GET", `/transaction/verify/${t.reference}`);
    expect(verified.body.message).toBe("Verification successful");
    expect(verified.body.data).toMatchObject({
      status: "success",
      reference: t.reference,
      amount: 250_000,
      currency: "NGN",
      channel: "card",
      gateway_response: "Approved",
      metadata: { paymentId: t.reference },
      authorization: { last4: "4081", brand: "visa", channel: "card", reusable: true },
      customer: { email: "ada@example.com" },
    });
    expect(Date.parse(verified.body.data.paid_at)).not.toBeNaN();

    await until(() => deliveriesFor(t.reference).length === 1);
    expectSignedWebhook(deliveriesFor(t.reference)[0]!, "charge.success", t.reference);
    expect(await emulator.webhooks({ reference: t.reference })).toMatchObject([{ event: "charge.success", status: 200, replay: false }]);
  });

  it("fails on Decline with gateway_response Declined and sends no webhook (Paystack sends them for successes only)", async () => {
    const t = await initialize();
    await emulator.completeCheckout(t.authorization_url, "decline");
    const verified = await paystack("GET", `/transaction/verify/${t.reference}`);
    expect(verified.body.data).toMatchObject({ status: "failed", gateway_response: "Declined", paid_at: null });
    expect(await emulator.webhooks({ reference: t.reference })).toEqual([]);
  });

  it("answers 400 Duplicate Transaction Reference to a reference used before", async () => {
    const t = await initialize();
    const again = await paystack("POST", "/transaction/initialize", { email: "ada@example.com", amount: 250_000, reference: t.reference });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ status: false, message: "Duplicate Transaction Reference" });
  });

  it("answers 404 Transaction reference not found to an unknown reference", async () => {
    expect(await paystack("GET", "/transaction/verify/nothing-here")).toEqual({
      status: 404,
      body: { status: false, message: "Transaction reference not found" },
    });
  });

  it("settles with a different amount when told to (a wrong payment), keeping requested_amount", async () => {
    const t = await initialize();
    await emulator.settle(t.reference, { outcome: "success", amount: 100_000 });
    const data = (await paystack("GET", `/transaction/verify/${t.reference}`)).body.data;
    expect(data).toMatchObject({ status: "success", amount: 100_000, requested_amount: 250_000 });
  });

  it("replays the last webhook byte for byte", async () => {
    const t = await initialize();
    await emulator.completeCheckout(t.authorization_url, "pay");
    await until(() => deliveriesFor(t.reference).length === 1);
    const replay = await emulator.resendWebhook(t.reference);
    expect(replay).toMatchObject({ replay: true, status: 200 });
    const [first, second] = deliveriesFor(t.reference);
    expect(second!.body).toBe(first!.body);
    expect(second!.signature).toBe(sign(second!.body));
  });

  it("records the status the receiver answered", async () => {
    hook.answer = 503;
    const t = await initialize();
    await emulator.completeCheckout(t.authorization_url, "pay");
    await until(async () => (await emulator.webhooks({ reference: t.reference }))[0]?.status === 503);
  });
});

describe("charge (Pay with Transfer, USSD)", () => {
  it("gives a transfer account with a valid NUBAN, pending until settled, then charge.success", async () => {
    const reference = ref();
    const expires = "2030-01-01T10:00:00.000Z";
    const res = await paystack("POST", "/charge", { email: "ada@example.com", amount: 500_000, reference, bank_transfer: { account_expires_at: expires } });
    const data = res.body.data;
    expect(res.body.message).toBe("Charge attempted");
    expect(data).toMatchObject({ status: "pending_bank_transfer", reference, amount: 500_000, account_expires_at: expires, bank: { slug: "test-bank", name: "Test Bank" } });
    expect(typeof data.display_text).toBe("string");
    expect(typeof data.account_name).toBe("string");
    expect(isNuban(BANKS[data.bank.slug]!.code, data.account_number)).toBe(true);

    expect((await paystack("GET", `/charge/${reference}`)).body.data).toMatchObject({ status: "pending_bank_transfer", account_number: data.account_number });
    expect((await paystack("GET", `/transaction/verify/${reference}`)).body.data.status).toBe("ongoing");

    await emulator.settle(reference, { outcome: "success" });
    expect((await paystack("GET", `/charge/${reference}`)).body.data.status).toBe("success");
    const verified = (await paystack("GET", `/transaction/verify/${reference}`)).body.data;
    expect(verified).toMatchObject({ status: "success", channel: "bank_transfer", authorization: { receiver_bank_account_number: data.account_number } });
    await until(() => deliveriesFor(reference).length === 1);
    expectSignedWebhook(deliveriesFor(reference)[0]!, "charge.success", reference);
  });

  it("gives a USSD code to dial, pay_offline until settled", async () => {
    const reference = ref();
    const data = (await paystack("POST", "/charge", { email: "ada@example.com", amount: 50_000, reference, ussd: { type: "737" } })).body.data;
    expect(data.status).toBe("pay_offline");
    expect(data.ussd_code).toMatch(/^\*737\*000\*\d{4}#$/);
    expect(typeof data.display_text).toBe("string");
    await emulator.settle(reference, { outcome: "failed", gatewayResponse: "Insufficient funds" });
    expect((await paystack("GET", `/charge/${reference}`)).body.data).toMatchObject({ status: "failed", gateway_response: "Insufficient funds" });
    expect((await paystack("GET", `/transaction/verify/${reference}`)).body.data.status).toBe("failed");
  });

  it("refuses to settle a transaction twice", async () => {
    const reference = ref();
    await paystack("POST", "/charge", { email: "ada@example.com", amount: 50_000, reference, ussd: { type: "919" } });
    await emulator.settle(reference, { outcome: "success" });
    await expect(emulator.settle(reference, { outcome: "failed" })).rejects.toThrow(/409/);
  });

  it("records requests, so a test can count the charges made for one reference", async () => {
    const reference = ref();
    await paystack("POST", "/charge", { email: "ada@example.com", amount: 50_000, reference, ussd: { type: "822" } });
    await paystack("GET", `/charge/${reference}`);
    const all = await emulator.requests({ reference });
    expect(all.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /charge", `GET /charge/${reference}`]);
    expect(all[0]).toMatchObject({ status: 200, fault: null, keyHint: KEY.slice(-4) });
    expect(JSON.stringify(all)).not.toContain(KEY);
  });
});

describe("dedicated virtual accounts", () => {
  it("pays into a customer's account with a Paystack reference the reconciler finds in the list", async () => {
    const customer = await paystack("POST", "/customer", { email: "bola@example.com", first_name: "Bola", last_name: "Ade", phone: "+2348000000000" });
    expect(customer.body.data.customer_code).toMatch(/^CUS_/);
    const again = await paystack("POST", "/customer", { email: "bola@example.com" });
    expect(again.body.data.id).toBe(customer.body.data.id);

    const dva = await paystack("POST", "/dedicated_account", { customer: customer.body.data.customer_code, preferred_bank: "wema-bank" });
    expect(dva.body.data).toMatchObject({ assigned: true, bank: { slug: "wema-bank", name: "Wema Bank" }, customer: { email: "bola@example.com" } });
    expect(isNuban(BANKS["wema-bank"]!.code, dva.body.data.account_number)).toBe(true);

    const since = new Date(Date.now() - 1000).toISOString();
    const paid = await emulator.payDedicatedAccount(dva.body.data.account_number, { amount: 750_000 });
    expect(paid).toMatchObject({ status: "success", channel: "dedicated_nuban", amount: 750_000 });

    await until(() => deliveriesFor(paid.reference).length === 1);
    const event = expectSignedWebhook(deliveriesFor(paid.reference)[0]!, "charge.success", paid.reference) as unknown as {
      data: { channel: string; customer: { customer_code: string }; authorization: Record<string, unknown> };
    };
    expect(event.data.channel).toBe("dedicated_nuban");
    expect(event.data.customer.customer_code).toBe(customer.body.data.customer_code);
    expect(event.data.authorization).toMatchObject({ channel: "dedicated_nuban", receiver_bank_account_number: dva.body.data.account_number });

    const list = await paystack("GET", `/transaction?customer=${customer.body.data.id}&status=success&from=${encodeURIComponent(since)}&perPage=10`);
    expect(list.body.data.map((t: { reference: string }) => t.reference)).toEqual([paid.reference]);
    expect(list.body.meta).toMatchObject({ total: 1, perPage: 10, page: 1 });
  });

  it("answers 400 for an unknown customer", async () => {
    expect((await paystack("POST", "/dedicated_account", { customer: "CUS_nobody" })).status).toBe(400);
  });
});

describe("direct debit", () => {
  it("authorizes a mandate on the consent page, charges it pending, and settles it later", async () => {
    const init = await paystack("POST", "/customer/authorization/initialize", {
      email: "chidi@example.com",
      channel: "direct_debit",
      callback_url: "https://shop.example/mandate",
      account: { number: "0123456789", bank_code: "058" },
    });
    const { redirect_url, reference } = init.body.data as { redirect_url: string; reference: string };
    expect(redirect_url).toMatch(new RegExp(`^${emulator.url}/mandate/`));
    expect((await paystack("GET", `/customer/authorization/verify/${reference}`)).body.data).toMatchObject({ active: false, channel: "direct_debit" });

    const page = await (await fetch(redirect_url)).text();
    expect(page).toMatch(/id="authorize"/);
    expect(await emulator.completeMandate(redirect_url, "authorize")).toBe(`https://shop.example/mandate?reference=${reference}`);
    const mandate = (await paystack("GET", `/customer/authorization/verify/${reference}`)).body.data;
    expect(mandate).toMatchObject({ active: true, channel: "direct_debit", customer: { email: "chidi@example.com" } });
    expect(mandate.authorization_code).toMatch(/^AUTH_/);

    const chargeRef = ref();
    const charge = await paystack("POST", "/transaction/charge_authorization", {
      email: "chidi@example.com",
      amount: 120_000,
      authorization_code: mandate.authorization_code,
      reference: chargeRef,
      currency: "NGN",
    });
    expect(charge.body.data).toMatchObject({ status: "pending", reference: chargeRef, channel: "direct_debit" });
    expect((await paystack("GET", `/transaction/verify/${chargeRef}`)).body.data.status).toBe("pending");

    await emulator.settle(chargeRef, { outcome: "success" });
    expect((await paystack("GET", `/transaction/verify/${chargeRef}`)).body.data).toMatchObject({
      status: "success",
      channel: "direct_debit",
      authorization: { authorization_code: mandate.authorization_code },
    });
    await until(() => deliveriesFor(chargeRef).length === 1);
    expectSignedWebhook(deliveriesFor(chargeRef)[0]!, "charge.success", chargeRef);
  });

  it("refuses to charge a declined mandate", async () => {
    const init = await paystack("POST", "/customer/authorization/initialize", { email: "chidi@example.com", channel: "direct_debit" });
    const { redirect_url, reference } = init.body.data as { redirect_url: string; reference: string };
    expect(await emulator.completeMandate(redirect_url, "decline")).toBeNull();
    const mandate = (await paystack("GET", `/customer/authorization/verify/${reference}`)).body.data;
    expect(mandate.active).toBe(false);
    const charge = await paystack("POST", "/transaction/charge_authorization", { email: "chidi@example.com", amount: 1000, authorization_code: mandate.authorization_code });
    expect(charge.status).toBe(400);
  });
});

describe("faults and latency", () => {
  it("answers 500 to the next matching requests, then recovers", async () => {
    await emulator.addFault({ path: /^\/balance$/, mode: "500", times: 2 });
    expect(await paystack("GET", "/balance")).toEqual({ status: 500, body: { status: false, message: "Internal error" } });
    expect((await paystack("GET", "/balance")).status).toBe(500);
    expect((await paystack("GET", "/balance")).status).toBe(200);
  });

  it("answers 401 until the faults are cleared", async () => {
    await emulator.addFault({ path: "^/balance", method: "GET", mode: "401" });
    expect((await paystack("GET", "/balance")).status).toBe(401);
    expect((await paystack("GET", "/balance")).status).toBe(401);
    await emulator.clearFaults();
    expect((await paystack("GET", "/balance")).status).toBe(200);
  });

  it("hangs without answering; hang_after also takes effect first", async () => {
    await emulator.addFault({ path: "^/charge$", mode: "hang", times: 1 });
    const reference = ref();
    const body = JSON.stringify({ email: "ada@example.com", amount: 50_000, reference, ussd: { type: "737" } });
    const post = () =>
      fetch(`${emulator.url}/charge`, {
        method: "POST",
        headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
        body,
        signal: AbortSignal.timeout(300),
      });
    await expect(post()).rejects.toThrow(/abort|timeout/i);
    expect(await emulator.transaction(reference)).toBeNull();

    await emulator.addFault({ path: "^/charge$", mode: "hang_after", times: 1 });
    await expect(post()).rejects.toThrow(/abort|timeout/i);
    expect(await emulator.transaction(reference)).toMatchObject({ status: "ongoing", channel: "ussd" });
    // The retry finds the charge made: Paystack refuses the reference a second time.
    expect((await paystack("POST", "/charge", JSON.parse(body))).body.message).toBe("Duplicate Transaction Reference");
    expect((await emulator.requests({ reference, method: "POST" })).map((r) => r.fault)).toEqual(["hang", "hang_after", null]);
  });

  it("adds latency to every API answer and holds 50 concurrent requests at 500 ms", async () => {
    await emulator.setLatency(500);
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 60 }, () => paystack("GET", "/balance")));
    const took = performance.now() - started;
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(took).toBeGreaterThanOrEqual(500);
    expect(took).toBeLessThan(3000);
    await emulator.setLatency(0);
  });
});
