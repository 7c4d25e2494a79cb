import http from "node:http";
import { describe, expect, inject, it } from "vitest";
import { client, sessionBody } from "../support/api";

const A = () => inject("merchantA");
const REQUEST_ID = /^req_[0-9A-Za-z]{16,40}$/;

function expectError(res: { status: number; body: any; headers: Headers }, status: number, type: string, code?: string) {
  expect(res.status).toBe(status);
  expect(res.body.error.type).toBe(type);
  if (code) expect(res.body.error.code).toBe(code);
  expect(res.body.error.message).toEqual(expect.any(String));
  expect(res.body.error.requestId).toMatch(REQUEST_ID);
  expect(res.headers.get("request-id")).toBe(res.body.error.requestId);
  expect(Object.keys(res.body)).toEqual(["error"]);
}

describe("authentication", () => {
  it.each([
    ["no Authorization header", null, "missing_api_key"],
    ["a malformed key", "Bearer hello", "invalid_api_key"],
    ["an unknown test key", "Bearer sk_test_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "invalid_api_key"],
    ["an unknown live key", "Bearer sk_live_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "invalid_api_key"],
    ["Basic auth", "Basic c2tfdGVzdF86", "invalid_api_key"],
    ["a key with trailing junk", () => `Bearer ${A().testKey}x`, "invalid_api_key"],
  ])("%s is 401", async (_name, header, code) => {
    const value = typeof header === "function" ? header() : header;
    const res = await client(null).request("GET", "/api/v1/checkout/sessions", {
      headers: value ? { authorization: value } : {},
    });
    expectError(res, 401, "authentication_error", code);
  });

  it("checks the key before reading the body", async () => {
    const res = await client(null).request("POST", "/api/v1/checkout/sessions", { raw: "{not json" });
    expectError(res, 401, "authentication_error");
  });
});

describe("request bodies", () => {
  const api = () => client(A().testKey);

  it("refuses a body that is not JSON with 415", async () => {
    const res = await api().request("POST", "/api/v1/checkout/sessions", {
      raw: "amount=100&currency=NGN",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expectError(res, 415, "validation_error", "unsupported_media_type");
  });

  it.each([
    ["malformed JSON", "{\"amount\": 1,"],
    ["a JSON array", "[1,2]"],
    ["a JSON string", "\"hello\""],
    ["JSON null", "null"],
    ["invalid UTF-8", Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]).toString("latin1")],
  ])("refuses %s with 400", async (_name, raw) => {
    const res = await api().request("POST", "/api/v1/checkout/sessions", {
      raw,
      headers: { "content-type": "application/json" },
    });
    expectError(res, 400, "validation_error");
  });

  // Oversized bodies go over a connection of their own: the server answers before reading
  // everything and drops the connection, which must not poison a pooled socket.
  function postOnFreshConnection(chunks: Buffer[], headers: Record<string, string>) {
    return new Promise<{ status: number; body: any }>((resolve, reject) => {
      const req = http.request(
        `${inject("baseUrl")}/api/v1/checkout/sessions`,
        { method: "POST", agent: false, headers: { authorization: `Bearer ${A().testKey}`, "content-type": "application/json", ...headers } },
        (res) => {
          let text = "";
          res.on("data", (d) => (text += d));
          res.on("end", () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
        },
      );
      req.on("error", reject);
      (async () => {
        for (const c of chunks) {
          if (!req.write(c)) await new Promise((r) => req.once("drain", r));
          if (req.destroyed) return;
        }
        req.end();
      })().catch(() => {});
    });
  }

  it("refuses a body over 1 MiB with 413", async () => {
    const big = Buffer.from(JSON.stringify({ ...sessionBody(), description: "x".repeat(1024 * 1024) }));
    const res = await postOnFreshConnection([big], { "content-length": String(big.length) });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ type: "validation_error", code: "body_too_large" });
  });

  it("refuses a chunked body over 1 MiB with 413 even without Content-Length", async () => {
    const chunks = [Buffer.from('{"description":"'), ...Array.from({ length: 24 }, () => Buffer.alloc(64 * 1024, "x"))];
    const res = await postOnFreshConnection(chunks, {});
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("body_too_large");
  });
});

// Each row: a change to a valid body, and the path of the issue it must produce.
const INVALID: [string, Record<string, unknown>, (string | number)[]][] = [
  ["amount missing without lineItems", { amount: undefined }, ["amount"]],
  ["amount zero", { amount: 0 }, ["amount"]],
  ["amount negative", { amount: -5 }, ["amount"]],
  ["amount fractional", { amount: 10.5 }, ["amount"]],
  ["amount over 10^12", { amount: 1_000_000_000_001 }, ["amount"]],
  ["amount as a string", { amount: "2500" }, ["amount"]],
  ["currency unknown", { currency: "XYZ" }, ["currency"]],
  ["currency missing", { currency: undefined }, ["currency"]],
  ["currency not a string", { currency: 566 }, ["currency"]],
  ["lineItems empty", { lineItems: [] }, ["lineItems"]],
  ["lineItem without a name", { amount: undefined, lineItems: [{ unitAmount: 100, quantity: 1 }] }, ["lineItems", 0, "name"]],
  ["lineItem name too long", { amount: undefined, lineItems: [{ name: "n".repeat(201), unitAmount: 100, quantity: 1 }] }, ["lineItems", 0, "name"]],
  ["lineItem quantity zero", { amount: undefined, lineItems: [{ name: "Tea", unitAmount: 100, quantity: 0 }] }, ["lineItems", 0, "quantity"]],
  ["lineItem quantity over 10000", { amount: undefined, lineItems: [{ name: "Tea", unitAmount: 100, quantity: 10001 }] }, ["lineItems", 0, "quantity"]],
  ["lineItems that disagree with amount", { amount: 999, lineItems: [{ name: "Tea", unitAmount: 100, quantity: 2 }] }, ["amount"]],
  ["101 lineItems", { amount: undefined, lineItems: Array.from({ length: 101 }, () => ({ name: "x", unitAmount: 1, quantity: 1 })) }, ["lineItems"]],
  ["description over 200", { description: "d".repeat(201) }, ["description"]],
  ["description with a NUL character", { description: "a\u0000b" }, ["description"]],
  ["metadata key with a NUL character", { metadata: { "order\u0000": "1" } }, ["metadata", "order\u0000"]],
  ["lineItem name with a NUL character", { amount: undefined, lineItems: [{ name: "T\u0000ea", unitAmount: 100, quantity: 1 }] }, ["lineItems", 0, "name"]],
  ["customer email invalid", { customer: { email: "not-an-email" } }, ["customer", "email"]],
  ["customer phone not E.164", { customer: { phone: "08031234567" } }, ["customer", "phone"]],
  ["customer phone invalid for its country", { customer: { phone: "+2341234" } }, ["customer", "phone"]],
  ["customer CPF with a wrong check digit", { customer: { document: { type: "cpf", number: "529.982.247-26" } } }, ["customer", "document", "number"]],
  ["customer CNPJ with a wrong check digit", { customer: { document: { type: "cnpj", number: "11.222.333/0001-82" } } }, ["customer", "document", "number"]],
  ["an unknown customer field", { customer: { age: 3 } }, ["customer"]],
  ["an unknown rail", { paymentMethods: ["cash"] }, ["paymentMethods", 0]],
  ["a rail that cannot take the currency", { paymentMethods: ["pix"] }, ["paymentMethods", 0]],
  ["a repeated rail", { paymentMethods: ["card", "card"] }, ["paymentMethods"]],
  ["preferredPaymentMethod not offered", { paymentMethods: ["card"], preferredPaymentMethod: "ussd" }, ["preferredPaymentMethod"]],
  ["mode unknown", { mode: "popup" }, ["mode"]],
  ["successUrl missing", { successUrl: undefined }, ["successUrl"]],
  ["successUrl relative", { successUrl: "/thanks" }, ["successUrl"]],
  ["successUrl javascript:", { successUrl: "javascript:alert(1)" }, ["successUrl"]],
  ["successUrl data:", { successUrl: "data:text/html,hi" }, ["successUrl"]],
  ["successUrl with credentials", { successUrl: "https://user:pw@shop.example.com/" }, ["successUrl"]],
  ["successUrl over 2048 characters", { successUrl: `https://shop.example.com/${"a".repeat(2048)}` }, ["successUrl"]],
  ["cancelUrl ftp:", { cancelUrl: "ftp://shop.example.com/" }, ["cancelUrl"]],
  ["allowedOrigins with a path", { mode: "embedded", allowedOrigins: ["https://shop.example.com/cart"] }, ["allowedOrigins", 0]],
  ["expiresIn under 300", { expiresIn: 299 }, ["expiresIn"]],
  ["expiresIn over 86400", { expiresIn: 86401 }, ["expiresIn"]],
  ["expiresAt in the past", { expiresAt: "2001-01-01T00:00:00Z" }, ["expiresAt"]],
  ["expiresAt not a date", { expiresAt: "tomorrow" }, ["expiresAt"]],
  ["expiresIn and expiresAt together", { expiresIn: 600, expiresAt: new Date(Date.now() + 3600_000).toISOString() }, ["expiresAt"]],
  ["metadata with 51 keys", { metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])) }, ["metadata"]],
  ["metadata key over 40", { metadata: { ["k".repeat(41)]: "v" } }, ["metadata", "k".repeat(41)]],
  ["metadata value over 500", { metadata: { k: "v".repeat(501) } }, ["metadata", "k"]],
  ["metadata value not a string", { metadata: { k: 1 } }, ["metadata", "k"]],
  ["clientReferenceId over 200", { clientReferenceId: "r".repeat(201) }, ["clientReferenceId"]],
  ["locale unknown", { locale: "de" }, ["locale"]],
  ["installments for NGN", { installments: { maxCount: 3 } }, ["installments"]],
  ["installments over 12", { currency: "BRL", amount: 10000, installments: { maxCount: 13 } }, ["installments", "maxCount"]],
  ["an unknown top-level field", { amout: 5 }, []],
];

describe("creating a session with invalid fields", () => {
  it.each(INVALID)("%s is a 400 naming the field", async (_name, change, path) => {
    const body: Record<string, unknown> = { ...sessionBody(), ...change };
    for (const [k, v] of Object.entries(change)) if (v === undefined) delete body[k];
    const res = await client(A().testKey).post("/api/v1/checkout/sessions", body);
    expectError(res, 400, "validation_error");
    expect(res.body.error.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path, code: expect.any(String), message: expect.any(String) })]),
    );
  });

  it("writes nothing when validation fails", async () => {
    const ref = `invalid-${Date.now()}`;
    const res = await client(A().testKey).post("/api/v1/checkout/sessions", { ...sessionBody({ clientReferenceId: ref }), amount: -1 });
    expect(res.status).toBe(400);
    const list = await client(A().testKey).get(`/api/v1/checkout/sessions?clientReferenceId=${ref}`);
    expect(list.body.data).toEqual([]);
  });

  it("refuses http URLs with a live key, but allows localhost", async () => {
    const live = client(A().liveKey);
    const http = await live.post("/api/v1/checkout/sessions", sessionBody({ successUrl: "http://shop.example.com/ok" }));
    expectError(http, 400, "validation_error");
    expect(http.body.error.issues[0].path).toEqual(["successUrl"]);
    const local = await live.post("/api/v1/checkout/sessions", sessionBody({ successUrl: "http://localhost:8080/ok" }));
    expect(local.status).toBe(201);
    expect(local.body.id).toMatch(/^cs_live_/);
    expect(local.body.livemode).toBe(true);
  });
});

describe("unknown routes and ids", () => {
  it("answers an unknown API path with a JSON 404", async () => {
    const res = await client(A().testKey).get("/api/v1/no-such-thing");
    expectError(res, 404, "not_found", "unknown_route");
  });

  it.each([
    ["/api/v1/checkout/sessions/cs_test_doesnotexist000000000"],
    ["/api/v1/checkout/sessions/'; drop table merchants; --"],
    ["/api/v1/checkout/sessions/%00"],
    ["/api/v1/events/evt_doesnotexist0000000000"],
  ])("GET %s is 404", async (path) => {
    const res = await client(A().testKey).get(path);
    expectError(res, 404, "not_found");
  });

  it.each([
    ["limit=0"],
    ["limit=101"],
    ["limit=ten"],
    ["status=done"],
    ["colour=blue"],
    ["clientReferenceId=a%00b"],
    ["customer.email=a%00b"],
  ])("list with %s is 400", async (query) => {
    const res = await client(A().testKey).get(`/api/v1/checkout/sessions?${query}`);
    expectError(res, 400, "validation_error");
  });

  it.each([["type=checkout.session.bogus"], ["type=a%00"]])("events with %s is 400", async (query) => {
    const res = await client(A().testKey).get(`/api/v1/events?${query}`);
    expectError(res, 400, "validation_error");
  });

  it.each([
    ["PUT", "/api/v1/checkout/sessions", "GET, POST"],
    ["DELETE", "/api/v1/checkout/sessions/cs_test_abc", "GET"],
  ])("%s %s is 405 in the error format, with Allow", async (method, path, allow) => {
    const res = await client(A().testKey).request(method, path);
    expectError(res, 405, "method_not_allowed", "method_not_allowed");
    expect(res.headers.get("allow")).toBe(allow);
  });

  it("answers a request whose Host header is no host at all", async () => {
    const { port } = new URL(inject("baseUrl"));
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, path: "/api/v1/checkout/sessions", agent: false, headers: { host: "a b", authorization: `Bearer ${A().testKey}` } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(200);
  });

  it("a cursor that is not this merchant's is 404", async () => {
    const b = await client(inject("merchantB").testKey).post("/api/v1/checkout/sessions", sessionBody());
    const res = await client(A().testKey).get(`/api/v1/checkout/sessions?startingAfter=${b.body.id}`);
    expectError(res, 404, "not_found");
  });
});
