// Input that used to reach the database or overflow the stack and come back as a 500: each
// must be a 400 in the error format, naming the field, and write nothing.
import http from "node:http";
import { describe, expect, inject, it } from "vitest";
import { CARD, client, createSession, pay, sessionBody, type ApiResponse } from "../support/api";

const A = () => inject("merchantA");
const REQUEST_ID = /^req_[0-9A-Za-z]{16,40}$/;

function expectError(res: ApiResponse, status: number, type: string, code?: string) {
  expect(res.status, res.text).toBe(status);
  expect(Object.keys(res.body)).toEqual(["error"]);
  expect(res.body.error.type).toBe(type);
  if (code) expect(res.body.error.code).toBe(code);
  expect(res.body.error.message).toEqual(expect.any(String));
  expect(res.body.error.requestId).toMatch(REQUEST_ID);
  expect(res.headers.get("request-id")).toBe(res.body.error.requestId);
}

const nested = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;
const deepBody = (levels: number) => `{"description":${nested(levels)}}`;

/** An endpoint for the length of one test (a public IP literal: no DNS, allowed in any mode). */
async function withEndpoint(fn: (id: string) => Promise<void>) {
  const api = client(A().testKey);
  const res = await api.post("/api/v1/webhook-endpoints", { url: "https://1.1.1.1/kassa", events: ["checkout.session.expired"] });
  expect(res.status, res.text).toBe(201);
  try {
    await fn(res.body.id);
  } finally {
    await api.request("DELETE", `/api/v1/webhook-endpoints/${res.body.id}`);
  }
}

describe("deeply nested JSON", () => {
  it("is a 400 on every POST and PATCH, the unauthenticated pay call included", async () => {
    const s = await createSession(A().testKey);
    await withEndpoint(async (ep) => {
      const routes: [string, string, string | null][] = [
        ["POST", "/api/v1/checkout/sessions", A().testKey],
        ["POST", `/api/v1/checkout/sessions/${s.id}/cancel`, A().testKey],
        ["POST", "/api/v1/webhook-endpoints", A().testKey],
        ["PATCH", `/api/v1/webhook-endpoints/${ep}`, A().testKey],
        ["POST", "/api/v1/events/evt_doesnotexist0000000000/resend", A().testKey],
        ["POST", "/api/v1/test/payments/pay_doesnotexist0000000000/succeed", A().testKey],
        ["POST", "/api/v1/refunds", A().testKey],
        ["POST", "/api/v1/test/refunds/re_doesnotexist00000000000/succeed", A().testKey],
        ["POST", "/api/v1/test/refunds/re_doesnotexist00000000000/fail", A().testKey],
        ["POST", `/api/v1/checkout/${s.id}/pay`, null],
      ];
      for (const [method, path, key] of routes) {
        for (const raw of [deepBody(10_000), `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`]) {
          const res = await client(key).request(method, path, { raw, headers: { "content-type": "application/json" } });
          expectError(res, 400, "validation_error", "invalid_request");
          expect(res.body.error.issues[0].code).toBe("too_deep");
        }
      }
    });
    expect((await client(A().testKey).get(`/api/v1/checkout/sessions/${s.id}`)).body.status).toBe("open");
  });

  it("refuses 33 levels and lets 32 through to ordinary validation", async () => {
    const at = async (levels: number) =>
      client(A().testKey).request("POST", "/api/v1/checkout/sessions", {
        raw: `{"metadata":${nested(levels - 1)}}`,
        headers: { "content-type": "application/json" },
      });
    const deep = await at(33);
    expectError(deep, 400, "validation_error");
    expect(deep.body.error.issues).toEqual([expect.objectContaining({ code: "too_deep", path: ["metadata", ...Array(31).fill(0)] })]);
    const ok = await at(32);
    expectError(ok, 400, "validation_error");
    expect(ok.body.error.issues.map((i: { code: string }) => i.code)).not.toContain("too_deep");
  });
});

describe("lone surrogates", () => {
  const LONE = "\\ud800";
  const raw = (json: string) => client(A().testKey).request("POST", "/api/v1/checkout/sessions", { raw: json, headers: { "content-type": "application/json" } });
  const body = (extra: string) => JSON.stringify(sessionBody()).replace(/\}$/, `,${extra}}`);

  it.each([
    ["description", `"description":"a${LONE}b"`, ["description"]],
    ["a line item's name", `"lineItems":[{"name":"T${LONE}","unitAmount":250000,"quantity":1}]`, ["lineItems", 0, "name"]],
    ["the customer's name", `"customer":{"name":"${LONE}"}`, ["customer", "name"]],
    ["a document type", `"customer":{"document":{"type":"${LONE}","number":"1"}}`, ["customer", "document", "type"]],
    ["clientReferenceId", `"clientReferenceId":"x\\udfff"`, ["clientReferenceId"]],
    ["a metadata value", `"metadata":{"k":"${LONE}"}`, ["metadata", "k"]],
    ["a metadata key", `"metadata":{"k${LONE}":"v"}`, ["metadata", "k\ud800"]],
    ["cancelUrl", `"cancelUrl":"https://shop.example.com/${LONE}"`, ["cancelUrl"]],
  ])("in %s is a 400 naming the field", async (_name, extra, path) => {
    const ref = `surrogate-${Math.random().toString(36).slice(2)}`;
    const res = await raw(body(extra.startsWith('"clientReferenceId"') ? extra : `"clientReferenceId":"${ref}",${extra}`));
    expectError(res, 400, "validation_error", "invalid_request");
    expect(res.body.error.issues).toEqual([expect.objectContaining({ path, code: "invalid_string" })]);
    expect((await client(A().testKey).get(`/api/v1/checkout/sessions?clientReferenceId=${ref}`)).body.data).toEqual([]);
  });

  it("is a 400 on webhook endpoints and on the pay call", async () => {
    const created = await client(A().testKey).request("POST", "/api/v1/webhook-endpoints", {
      raw: `{"url":"https://1.1.1.1/k","events":["*"],"description":"${LONE}"}`,
      headers: { "content-type": "application/json" },
    });
    expectError(created, 400, "validation_error");
    expect(created.body.error.issues[0].path).toEqual(["description"]);
    const s = await createSession(A().testKey);
    const paid = await client(null).request("POST", `/api/v1/checkout/${s.id}/pay`, {
      raw: `{"rail":"transfer","email":"a@example.com","name":"${LONE}"}`,
      headers: { "content-type": "application/json" },
    });
    expectError(paid, 400, "validation_error");
    expect(paid.body.error.issues[0].path).toEqual(["name"]);
  });

  it("lets a well-formed pair through", async () => {
    const res = await raw(body(`"description":"tea \\ud83c\\udf75"`));
    expect(res.status, res.text).toBe(201);
    expect(res.body.description).toBe("tea \u{1f375}");
  });
});

describe("refund input of every shape", () => {
  let paymentId = "";
  const api = () => client(A().testKey);
  const metadata51 = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"]));

  it.each([
    ["no payment", { payment: undefined }, ["payment"]],
    ["a payment that is a number", { payment: 12 }, ["payment"]],
    ["an empty payment", { payment: "" }, ["payment"]],
    ["a payment id of 101 characters", { payment: "p".repeat(101) }, ["payment"]],
    ["a zero amount", { amount: 0 }, ["amount"]],
    ["a negative amount", { amount: -100 }, ["amount"]],
    ["a fractional amount", { amount: 10.5 }, ["amount"]],
    ["an amount as a string", { amount: "100" }, ["amount"]],
    ["an amount past 10^12", { amount: 10 ** 13 }, ["amount"]],
    ["an amount of null", { amount: null }, ["amount"]],
    ["an unknown reason", { reason: "changed_mind" }, ["reason"]],
    ["metadata that is a string", { metadata: "x" }, ["metadata"]],
    ["a metadata value that is a number", { metadata: { order: 1 } }, ["metadata", "order"]],
    ["51 metadata keys", { metadata: metadata51 }, ["metadata"]],
    ["an unknown field", { currency: "NGN" }, []],
  ])("%s is a 400 naming the field, and refunds nothing", async (_name, change, path) => {
    if (!paymentId) {
      const s = await createSession(A().testKey);
      paymentId = (await pay(s.id, CARD("4242424242424242"))).body.payment.id;
    }
    // JSON drops an undefined field: the body then lacks it.
    const res = await api().post("/api/v1/refunds", { payment: paymentId, amount: 100, ...change });
    expectError(res, 400, "validation_error", "invalid_request");
    expect(res.body.error.issues[0].path).toEqual(path);
    expect((await api().get(`/api/v1/refunds?payment=${paymentId}`)).body.data).toEqual([]);
    expect((await api().get(`/api/v1/payments/${paymentId}`)).body.refundedAmount).toBe(0);
  });

  it("refuses a body that is not JSON, not an object, or not sent as JSON", async () => {
    const raw = (body: string, type = "application/json") => api().request("POST", "/api/v1/refunds", { raw: body, headers: { "content-type": type } });
    expectError(await raw("{"), 400, "validation_error");
    expectError(await raw("[]"), 400, "validation_error");
    expectError(await raw('"pay_x"'), 400, "validation_error");
    const form = await raw("payment=pay_x", "application/x-www-form-urlencoded");
    expect(form.status).toBe(415);
    expect(form.body.error.type).toBe("validation_error");
  });

  it("answers an unknown or malformed payment id with a 404, not a 400", async () => {
    for (const id of ["pay_doesnotexist0000000000", "cs_test_x", "pay_'; drop table payments; --"]) {
      expectError(await api().post("/api/v1/refunds", { payment: id }), 404, "not_found", "resource_missing");
    }
    for (const id of ["re_doesnotexist00000000000", "%00", "re_x"]) {
      const res = await api().get(`/api/v1/refunds/${id}`);
      expect(res.status, id).toBeGreaterThanOrEqual(400);
      expect(res.status, id).toBeLessThan(500);
    }
  });

  it.each([
    ["limit=0"],
    ["limit=101"],
    ["limit=ten"],
    ["payment=" + "p".repeat(101)],
    ["status=succeeded"],
    ["startingAfter=" + "r".repeat(101)],
  ])("refuses the list query ?%s with a 400", async (query) => {
    expectError(await api().get(`/api/v1/refunds?${query}`), 400, "validation_error", "invalid_request");
  });

  it("refuses a bad test failure body with a 400", async () => {
    for (const body of [{ failureMessage: "" }, { failureMessage: 5 }, { failureMessage: "x".repeat(501) }, { failureCode: "x" }]) {
      expectError(await api().post("/api/v1/test/refunds/re_doesnotexist00000000000/fail", body), 400, "validation_error", "invalid_request");
    }
    expectError(await api().post("/api/v1/test/refunds/re_doesnotexist00000000000/succeed", { now: true }), 400, "validation_error", "invalid_request");
  });
});

describe("the session list's buyer filters", () => {
  it.each([
    ["customerEmail=not-an-email"],
    ["customerEmail="],
    ["customerEmail=" + "a".repeat(250) + "%40example.com"],
    ["customerPhone=0707123456"],
    ["customerPhone=%2B225"],
    ["customerPhone=call-me"],
    ["customerPhone=%2B" + "1".repeat(30)],
    ["customerName="],
    ["customerName=%20%20"],
    ["customerName=" + "n".repeat(201)],
  ])("refuses ?%s with a 400", async (query) => {
    const res = await client(A().testKey).get(`/api/v1/checkout/sessions?${query}`);
    expectError(res, 400, "validation_error", "invalid_request");
    expect(res.body.error.issues[0].path[0]).toMatch(/^customer(Email|Phone|Name)$/);
  });
});

describe("the checkout page's query", () => {
  it.each([
    ["notice=__proto__"],
    ["notice=constructor"],
    ["notice=toString"],
    ["errors=number:__proto__"],
    ["errors=number:constructor,cvc:toString,email:hasOwnProperty"],
    ["errors=__proto__:invalid"],
    ["rail=__proto__&errors=rail:valueOf&notice=__defineGetter__"],
  ])("ignores codes it does not know: ?%s", async (query) => {
    const s = await createSession(A().testKey);
    const res = await fetch(`${inject("baseUrl")}/checkout/${s.id}?${query}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("</html>");
  });
});

describe("control characters in URLs", () => {
  it.each([
    ["successUrl with CR LF", { successUrl: "https://shop.example.com/ok\r\nSet-Cookie: a=1" }, ["successUrl"]],
    ["successUrl with LF", { successUrl: "https://shop.example.com/o\nk" }, ["successUrl"]],
    ["successUrl with a tab", { successUrl: "https://shop.example.com/\tok" }, ["successUrl"]],
    ["successUrl with DEL", { successUrl: "https://shop.example.com/ok\u007f" }, ["successUrl"]],
    ["successUrl with a C1 character", { successUrl: "https://shop.example.com/ok\u0085" }, ["successUrl"]],
    ["cancelUrl with CR", { cancelUrl: "https://shop.example.com/back\r" }, ["cancelUrl"]],
    ["allowedOrigins with LF", { mode: "embedded", allowedOrigins: ["https://shop.example\n.com"] }, ["allowedOrigins", 0]],
    ["imageUrl with LF", { amount: undefined, lineItems: [{ name: "Tea", unitAmount: 100, quantity: 1, imageUrl: "https://shop.example.com/t\n.png" }] }, ["lineItems", 0, "imageUrl"]],
  ])("%s is refused at create", async (_name, change, path) => {
    const body: Record<string, unknown> = { ...sessionBody(), ...change };
    for (const [k, v] of Object.entries(change)) if (v === undefined) delete body[k];
    const res = await client(A().testKey).post("/api/v1/checkout/sessions", body);
    expectError(res, 400, "validation_error");
    expect(res.body.error.issues).toEqual([expect.objectContaining({ path })]);
  });

  it("is refused in a webhook endpoint's url, created or changed", async () => {
    const api = client(A().testKey);
    const created = await api.post("/api/v1/webhook-endpoints", { url: "https://1.1.1.1/k\r\nx", events: ["*"] });
    expectError(created, 400, "validation_error");
    expect(created.body.error.issues[0].path).toEqual(["url"]);
    await withEndpoint(async (id) => {
      const changed = await api.request("PATCH", `/api/v1/webhook-endpoints/${id}`, { body: { url: "https://1.1.1.1/a\tb" } });
      expectError(changed, 400, "validation_error");
      expect(changed.body.error.issues[0].path).toEqual(["url"]);
      expect((await api.get(`/api/v1/webhook-endpoints/${id}`)).body.url).toBe("https://1.1.1.1/kassa");
    });
  });
});

describe("API paths no route serves", () => {
  it.each([
    ["GET", "/api/v1/checkout/sessions/%FF"],
    ["GET", "/api/v1/checkout/sessions/%E0%A4%A"],
    ["POST", "/api/v1/checkout/%FF/pay"],
    ["DELETE", "/api/v1/webhook-endpoints/%C0%AF"],
    ["GET", "/api/health/%ZZ"],
  ])("%s %s, a malformed escape, is a 400 in the error format", async (method, path) => {
    const res = await client(A().testKey).request(method, path);
    expectError(res, 400, "validation_error", "invalid_path");
  });

  it.each([["/api"], ["/api/v1"], ["/api/nope"], ["/api/health/x"], ["/api/v2/checkout/sessions"]])("GET %s is a JSON 404", async (path) => {
    const res = await client(A().testKey).get(path);
    expectError(res, 404, "not_found", "unknown_route");
  });
});

describe("methods fetch cannot carry", () => {
  // TRACE never reaches a handler: the server's Request (and Next.js) refused it with a 500.
  const trace = (path: string) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: any }>((resolve, reject) => {
      const req = http.request(`${inject("baseUrl")}${path}`, { method: "TRACE", agent: false }, (res) => {
        let text = "";
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: JSON.parse(text) }));
      });
      req.on("error", reject);
      req.end();
    });

  it.each([
    ["/api/v1/checkout/sessions", "GET, POST"],
    ["/api/health", "GET"],
    ["/checkout/cs_test_doesnotexist0000000000", "GET, HEAD, POST"],
    ["/", "GET, HEAD, POST"],
  ])("TRACE %s is a 405 with Allow", async (path, allow) => {
    const res = await trace(path);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe(allow);
    expect(res.body.error).toMatchObject({ type: "method_not_allowed", code: "method_not_allowed", requestId: res.headers["request-id"] });
  });
});

describe("a key named __proto__", () => {
  // Refused rather than kept: an object would take it as its prototype and drop it silently.
  it.each([
    ["in metadata", `"metadata":{"__proto__":"x","order":"1"}`, ["metadata", "__proto__"]],
    ["at the top level", `"__proto__":{"amount":1}`, ["__proto__"]],
    ["in the customer", `"customer":{"__proto__":{"email":"a@example.com"}}`, ["customer", "__proto__"]],
  ])("%s is a 400 naming it", async (_name, extra, path) => {
    const json = JSON.stringify(sessionBody()).replace(/\}$/, `,${extra}}`);
    const res = await client(A().testKey).request("POST", "/api/v1/checkout/sessions", { raw: json, headers: { "content-type": "application/json" } });
    expectError(res, 400, "validation_error", "invalid_request");
    expect(res.body.error.issues).toEqual([expect.objectContaining({ path, code: "invalid_key" })]);
  });

  it("is a 400 in a query string too", async () => {
    const res = await client(A().testKey).get("/api/v1/checkout/sessions?__proto__=x");
    expectError(res, 400, "validation_error");
  });
});

describe("what the fuzz test found", () => {
  it("answers HEAD and OPTIONS of the API with a Request-Id, OPTIONS with Allow", async () => {
    const s = await createSession(A().testKey);
    const head = await fetch(`${inject("baseUrl")}/api/v1/checkout/sessions/${s.id}/cancel`, { method: "HEAD", headers: { authorization: `Bearer ${A().testKey}` } });
    expect(head.status).toBe(405);
    expect(head.headers.get("request-id")).toMatch(REQUEST_ID);
    const options = await fetch(`${inject("baseUrl")}/api/v1/checkout/sessions`, { method: "OPTIONS" });
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("OPTIONS, GET, POST");
    expect(options.headers.get("request-id")).toMatch(REQUEST_ID);
    const preflight = await fetch(`${inject("baseUrl")}/api/v1/checkout/${s.id}/pay`, { method: "OPTIONS", headers: { origin: "https://evil.example" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("request-id")).toMatch(REQUEST_ID);
    const unknown = await client(null).request("OPTIONS", "/api/v1/no-such-thing");
    expectError(unknown, 404, "not_found", "unknown_route");
  });

  it("answers the benchmark's echo route, when off, as a path without a route", async () => {
    const res = await client(null).post("/api/bench/echo", { a: 1 });
    expectError(res, 404, "not_found", "unknown_route");
  });

  it("refuses a multipart body that does not parse with a 400, on any page, and reads one that does", async () => {
    const broken = { "content-type": "multipart/form-data; boundary=x", origin: inject("baseUrl") };
    for (const path of ["/", "/demo", "/no-such-page", "/checkout/cs_test_doesnotexist0000000000/pay"]) {
      const res = await fetch(`${inject("baseUrl")}${path}`, { method: "POST", headers: broken, body: "rail=card", redirect: "manual" });
      expect(res.status, path).toBe(400);
      expect(res.headers.get("request-id")).toMatch(REQUEST_ID);
    }
    const s = await createSession(A().testKey);
    const form = new FormData();
    const year = String(new Date().getUTCFullYear() + 1).slice(2);
    for (const [k, v] of Object.entries({ rail: "card", number: "4242 4242 4242 4242", exp: `12/${year}`, cvc: "123" })) form.append(k, v);
    const paid = await fetch(`${inject("baseUrl")}/checkout/${s.id}/pay`, { method: "POST", headers: { origin: inject("baseUrl") }, body: form, redirect: "manual" });
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe(`https://shop.example.com/thanks?session=${s.id}`);
  });
});
