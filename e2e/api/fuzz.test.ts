// SPEC 2 and 6: bad input of any shape gets a 4xx in the error format, never a 500. A seeded
// generator sends thousands of malformed requests to every endpoint, the merchant API (with
// good and bad keys), the buyer's API, the page's forms and pages, on a server of its own.
// The seed is printed: FUZZ_SEED=<seed> (and FUZZ_COUNT=<n>) replays a run exactly.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { times } from "../support/parallel";
import { CARD, client, sessionBody } from "../support/api";
import { createMerchantViaCli, freshDatabase, startServer, type Database, type MerchantKeys, type Server } from "../support/stack";

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);
const COUNT = Number(process.env.FUZZ_COUNT ?? 5_000);
const CONCURRENCY = 16;
const ERROR_TYPES = new Set([
  "validation_error", "authentication_error", "permission_error", "not_found", "method_not_allowed",
  "idempotency_error", "invalid_state", "rate_limited", "provider_error", "internal_error",
]);

// ---- a small seeded generator (mulberry32): the same seed, the same requests ----

function rngOf(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
type Rng = ReturnType<typeof rngOf>;

/** JSON text that is not a JSON value of ours: a number JavaScript cannot hold, a deep nest. */
class Raw {
  constructor(readonly text: string) {}
}

function toJson(v: unknown): string {
  if (v instanceof Raw) return v.text;
  if (Array.isArray(v)) return `[${v.map(toJson).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${toJson(x)}`).join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

const deep = (levels: number, open = "[", close = "]", inner = "") => new Raw(`${open.repeat(levels)}${inner}${close.repeat(levels)}`);

const ODD_STRINGS = [
  "", " ", "\u0000", "a\u0000b", "\ud800", "x\udfff", "\udc00\ud800", "\u202eabc", "\r\n", "\t", "\u0085", "\u007f",
  "<script>alert(1)</script>", "' OR 1=1 --", "%00", "%FF", "${x}", "{CHECKOUT_SESSION_ID}", "__proto__", "constructor",
  "NaN", "Infinity", "-0", "1e309", "null", "true", "🍵", "\u{1d54f}", "e\u0301", "ﷺ", "a".repeat(201), "b".repeat(5000),
  "javascript:alert(1)", "data:text/html,hi", "file:///etc/passwd", "https://shop.example.com/ok\r\nSet-Cookie: a=1",
  "https://shop.example.com/\tok", "http://localhost:1/x", "https://user:pw@shop.example.com/", "https://[::1]/",
  `https://${"a".repeat(3000)}.example.com/`, "https://*.example.com", "https://a.com;script-src 'unsafe-inline'",
  "https://shop.example.com", "http://127.0.0.1:9/hook", "https://169.254.169.254/latest", "//shop.example.com/x",
  "cs_test_AAAAAAAAAAAAAAAAAAAAAAAA", "NGN", "ngn", "XOF", "BRL", "card", "pix", "transfer", "+2348031234567",
  "529.982.247-25", "a@example.com", "not-an-email", "2001-01-01T00:00:00Z", "2099-01-01T00:00:00+14:00", "9999-99-99",
];

const ODD_NUMBERS: unknown[] = [
  0, -1, 1, 1.5, -0.0001, 299, 300, 86_400, 86_401, 2 ** 31, 2 ** 53, 1e12, 1e12 + 1, 1e21, -1e21, 1e308, Number.MAX_VALUE,
  new Raw("1e999"), new Raw("-1e999"), new Raw("9007199254740993"), new Raw("1E2"), new Raw("0.1e-400"), new Raw("12345678901234567890123"),
];

function oddValue(r: Rng, depth = 0): unknown {
  switch (r.int(depth > 1 ? 4 : 9)) {
    case 0:
    case 1:
      return r.pick(ODD_STRINGS);
    case 2:
      return r.pick(ODD_NUMBERS);
    case 3:
      return r.pick([true, false, null]);
    case 4:
      return [];
    case 5:
      return Array.from({ length: r.int(4) }, () => oddValue(r, depth + 1));
    case 6:
      return Object.fromEntries(Array.from({ length: r.int(4) }, () => [r.pick(FIELD_NAMES), oddValue(r, depth + 1)]));
    case 7:
      return r.chance(0.8) ? deep(20 + r.int(20)) : deep(3000 + r.int(7000), '{"a":', "}", "1");
    default:
      return r.chance(0.5) ? Array.from({ length: 200 + r.int(2000) }, () => r.int(10)) : new Raw(`{"__proto__":"x"}`);
  }
}

const FIELD_NAMES = [
  "amount", "currency", "lineItems", "description", "customer", "paymentMethods", "preferredPaymentMethod", "mode",
  "successUrl", "cancelUrl", "allowedOrigins", "expiresIn", "expiresAt", "metadata", "clientReferenceId", "locale",
  "installments", "idempotencyKey", "url", "events", "status", "rail", "card", "email", "phone", "name", "document",
  "bank", "operator", "accountNumber", "mandateConsent", "_hp_field", "advanceSeconds", "number", "cvc", "expMonth",
  "expYear", "quantity", "unitAmount", "maxCount", "type", "__proto__", "constructor", "prototype", "", "a.b", "\u0000",
];

/** Sets an own property, `__proto__` included (an assignment would set the prototype). */
const put = (o: object, key: string, value: unknown) =>
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
const own = (o: Record<string, unknown>, key: string) => (Object.hasOwn(o, key) ? o[key] : undefined);

/** A valid body with a few fields made odd, removed or added. */
function mutate(r: Rng, base: Record<string, unknown>): unknown {
  if (r.chance(0.05)) return oddValue(r);
  const body: Record<string, unknown> = structuredClone(base);
  for (let n = 1 + r.int(3); n > 0; n--) {
    const keys = Object.keys(body);
    const field = keys.length && r.chance(0.7) ? r.pick(keys) : r.pick(FIELD_NAMES);
    const what = r.int(10);
    const inner = own(body, field);
    if (what === 0) delete body[field];
    else if (what <= 2 && inner && typeof inner === "object" && !(inner instanceof Raw)) {
      // one level down: a line item's name, the customer's document, a card's number
      const target = Array.isArray(inner) ? inner[0] : inner;
      if (target && typeof target === "object" && !(target instanceof Raw)) {
        put(target, r.pick([...Object.keys(target), ...FIELD_NAMES]), oddValue(r, 1));
      }
    } else put(body, field, oddValue(r));
  }
  return body;
}

const CONTENT_TYPES = [
  "application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "application/merge-patch+json",
  "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1", "",
];

/** The body's bytes, now and then broken below the JSON level. */
function bodyBytes(r: Rng, value: unknown): Buffer {
  let text = toJson(value);
  switch (r.int(14)) {
    case 0:
      text = text.slice(0, r.int(text.length + 1));
      break;
    case 1:
      text += r.pick(["}", ",", " x", "\u0000", "]", "{}"]);
      break;
    case 2:
      return Buffer.concat([Buffer.from(text.slice(0, 5)), Buffer.from([r.pick([0xff, 0xc0, 0xed, 0x80])]), Buffer.from(text.slice(5))]);
    case 3:
      text = `\ufeff${text}`;
      break;
    case 4:
      text = text.replace(/"/g, "'");
      break;
    case 5:
      text = r.pick(["", " ", "null", "[]", "0", '"x"', "{", "{}", '{"a":1,"a":2}', "/* c */{}", "{,}"]);
      break;
    default:
  }
  return Buffer.from(text);
}

// ---- what is sent ----

type Spec = { kind: string; method: string; path: string; headers: Record<string, string>; body?: Buffer; fresh?: boolean };

type Fixtures = {
  a: MerchantKeys;
  b: MerchantKeys;
  sessions: string[];
  embedded: string;
  paid: string;
  payment: string;
  pending: string;
  event: string;
  endpoint: string;
  refund: string;
  base: string;
};

const ID_LIKE = (r: Rng, real: string) =>
  r.pick([
    real, real, real, `${real}x`, real.slice(0, -1), real.toUpperCase(), real.replace("_test_", "_live_"), "cs_test_doesnotexist0000000000",
    "%FF", "%00", "..%2F..%2Fetc", encodeURIComponent("'; drop table merchants; --"), "a".repeat(300), "__proto__", "%E2%82", "%C0%AF",
    encodeURIComponent("\u{1f375}"), "%2e%2e", "null", "0",
  ]);

function query(r: Rng, names: string[]): string {
  if (r.chance(0.3)) return "";
  const parts = Array.from({ length: 1 + r.int(3) }, () => {
    const name = r.chance(0.8) ? r.pick(names) : r.pick(["__proto__", "constructor", "%FF", "a[b]", "limit[]", ""]);
    const value = r.pick(["", "1", "0", "-1", "101", "10", "1e3", "NaN", "%FF", "%00", "a%00b", "__proto__", "open", "paid", "cs_test_x", "x".repeat(3000), "%E2%82"]);
    return `${name}=${value}`;
  });
  return `?${parts.join("&")}`;
}

function authHeader(r: Rng, fx: Fixtures): string | null {
  switch (r.int(12)) {
    case 0: return null;
    case 1: return "Bearer";
    case 2: return `Bearer sk_test_${"A".repeat(r.int(40))}`;
    case 3: return `Bearer ${"a".repeat(4000)}`;
    case 4: return "Basic c2tfdGVzdF86";
    case 5: return `bearer ${fx.a.testKey}`;
    case 6: return `Bearer ${fx.a.testKey} extra`;
    case 7: return `Bearer ${fx.a.testKey}\t`;
    case 8: return `Bearer ${fx.b.testKey}`;
    case 9: return `Bearer ${fx.a.liveKey}`;
    case 10: return `Bearer sk_live_${fx.a.testKey.slice(8)}`;
    default: return `Bearer \xff\xfe${fx.a.testKey}`;
  }
}

type Route = { method: string; path: (r: Rng, fx: Fixtures) => string; base?: (fx: Fixtures) => Record<string, unknown>; query?: string[] };

const MERCHANT_ROUTES: Route[] = [
  { method: "POST", path: () => "/api/v1/checkout/sessions", base: () => sessionBody({ lineItems: [{ name: "Tea", unitAmount: 250000, quantity: 1 }], customer: { email: "a@example.com", document: { type: "cpf", number: "529.982.247-25" } }, metadata: { order: "1" } }) },
  { method: "GET", path: () => "/api/v1/checkout/sessions", query: ["limit", "status", "clientReferenceId", "customer.email", "startingAfter", "endingBefore"] },
  { method: "GET", path: (r, fx) => `/api/v1/checkout/sessions/${ID_LIKE(r, r.pick(fx.sessions))}` },
  { method: "POST", path: (r, fx) => `/api/v1/checkout/sessions/${ID_LIKE(r, r.pick(fx.sessions))}/cancel`, base: () => ({}) },
  { method: "GET", path: (r, fx) => `/api/v1/payments/${ID_LIKE(r, fx.payment)}` },
  { method: "GET", path: () => "/api/v1/events", query: ["type", "limit", "startingAfter", "endingBefore"] },
  { method: "GET", path: (r, fx) => `/api/v1/events/${ID_LIKE(r, fx.event)}` },
  { method: "POST", path: (r, fx) => `/api/v1/events/${ID_LIKE(r, fx.event)}/resend`, base: () => ({}) },
  { method: "POST", path: () => "/api/v1/webhook-endpoints", base: () => ({ url: "https://1.1.1.1/hook", events: ["checkout.session.paid"], description: "fuzz" }) },
  { method: "GET", path: () => "/api/v1/webhook-endpoints", query: ["limit", "startingAfter", "status"] },
  { method: "GET", path: (r, fx) => `/api/v1/webhook-endpoints/${ID_LIKE(r, fx.endpoint)}` },
  { method: "PATCH", path: (r, fx) => `/api/v1/webhook-endpoints/${ID_LIKE(r, fx.endpoint)}`, base: () => ({ description: "changed", status: "enabled" }) },
  { method: "DELETE", path: (r, fx) => `/api/v1/webhook-endpoints/${ID_LIKE(r, `${fx.endpoint}`)}x` },
  { method: "GET", path: (r, fx) => `/api/v1/webhook-endpoints/${ID_LIKE(r, fx.endpoint)}/deliveries`, query: ["limit", "startingAfter", "status"] },
  { method: "POST", path: (r, fx) => `/api/v1/test/payments/${ID_LIKE(r, fx.pending)}/${r.pick(["succeed", "fail"])}`, base: () => ({}) },
  { method: "POST", path: () => "/api/v1/refunds", base: (fx) => ({ payment: fx.payment, amount: 1, reason: "requested_by_customer", metadata: { ticket: "1" } }) },
  { method: "GET", path: () => "/api/v1/refunds", query: ["limit", "payment", "startingAfter", "endingBefore"] },
  { method: "GET", path: (r, fx) => `/api/v1/refunds/${ID_LIKE(r, fx.refund)}` },
  { method: "POST", path: (r, fx) => `/api/v1/test/refunds/${ID_LIKE(r, fx.refund)}/${r.pick(["succeed", "fail"])}`, base: () => ({}) },
  { method: "POST", path: () => "/api/v1/test/clock", base: () => ({ advanceSeconds: "soon" }) },
  { method: "GET", path: () => "/api/v1/openapi.json" },
  { method: "GET", path: () => "/api/health" },
];

const PAY_BODIES: ((fx: Fixtures) => Record<string, unknown>)[] = [
  () => CARD("4242424242424241"),
  () => ({ rail: "card", card: { number: "4000000000000002", expMonth: 12, expYear: 2001, cvc: "123" } }),
  () => ({ rail: "transfer", email: "a@example.com" }),
  () => ({ rail: "ussd", bank: "gtbank" }),
  () => ({ rail: "direct_debit", bank: "058", accountNumber: "0123456789", mandateConsent: true }),
  () => ({ rail: "mobile_money", phone: "+2250707123456", operator: "orange" }),
  () => ({ rail: "pix", email: "a@example.com" }),
  () => ({ rail: "boleto", name: "Ana", document: "529.982.247-25" }),
  () => ({ rail: "card", card: { number: "4242424242424242", expMonth: 12, expYear: 2040, cvc: "123" }, _hp_field: "spam" }),
];

const ORIGINS = (base: string) => [null, null, base, "null", "https://evil.example", "https://shop.example.com", "::::", `${base}.evil.example`, base.replace("http:", "https:")];

function sessionFor(r: Rng, fx: Fixtures) {
  return ID_LIKE(r, r.pick([...fx.sessions, fx.embedded, fx.paid]));
}

function jsonSpec(r: Rng, kind: string, method: string, path: string, headers: Record<string, string>, base?: Record<string, unknown>): Spec {
  if (!base || (method === "GET" && r.chance(0.9))) return { kind, method, path, headers };
  const spec: Spec = { kind, method, path, headers: { ...headers, "content-type": r.chance(0.8) ? "application/json" : r.pick(CONTENT_TYPES) } };
  if (r.chance(0.004)) {
    // over 1 MiB, on a connection of its own (the server may cut the rest)
    spec.body = Buffer.from(toJson({ ...base, description: "x".repeat(1024 * 1024 + r.int(50_000)) }));
    spec.fresh = true;
  } else spec.body = bodyBytes(r, mutate(r, base));
  if (method === "POST" && r.chance(0.2)) {
    spec.headers["idempotency-key"] = r.pick(["k", "", " ", "x".repeat(256), "\xff", `fuzz-${r.int(20)}`, "a b", "\t"]);
  }
  return spec;
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "PURGE", "M-SEARCH", "LOCK", "SEARCH"];

const BAD_PATHS = [
  "/api/v1/checkout/sessions/%FF", "/api/v1/%", "/api/v1/checkout/sessions/%", "/api/v1//checkout//sessions", "/api/v1/checkout/sessions/",
  "/api/v1/checkout/sessions/..%2f..%2fetc%2fpasswd", "/api/v1/checkout/sessions/%2e%2e/%2e%2e", "/api/v1/checkout/sessions/cs_test_%00",
  `/api/v1/checkout/sessions/${"a".repeat(6000)}`, "/api/v1/events/%E2%82", "/api/v1/openapi.json/x", "/api/health/%ZZ", "/api",
  "/api/", "/api/v1", "/api/v2/checkout/sessions", "/api/bench/echo", "/api/v1/checkout/%FF/pay", "/api/v1/webhook-endpoints/%C0%AF/deliveries",
  "/checkout/%FF", "/checkout/", "/checkout/cs_test_%00/pay", "/%C0%AF", "/..%2F..%2Fetc%2Fpasswd", `/${"x".repeat(6000)}`,
  "/_next/static/%FF", "/_next/data/x/y.json", "/checkout/cs_test_doesnotexist0000000000/3ds?x=%FF", "/api/v1/checkout/sessions?limit=%FF",
  "/demo?%FF", "/docs/%FF", "/favicon.ico/x", "/embed.js?%00",
];

const FORM_FIELDS = ["rail", "number", "exp", "cvc", "name", "email", "phone", "document", "installments", "bank", "operator", "accountNumber", "mandateConsent", "_hp_field", "outcome", "code", "__proto__"];

function formBody(r: Rng): Buffer {
  const params = new URLSearchParams();
  for (let n = r.int(7); n > 0; n--) {
    params.append(r.pick(FORM_FIELDS), r.pick([...ODD_STRINGS.slice(0, 30), "card", "4242 4242 4242 4242", "12/40", "123", "succeeded", "failed", "transfer", "ussd", "000000", "1"]));
  }
  if (r.chance(0.1)) return Buffer.from("%FF=%FE&rail=%C0%AF&x");
  return Buffer.from(params.toString());
}

/** A multipart body for boundary `x`, whole or cut short. */
function multipartBody(r: Rng): Buffer {
  const part = (name: string, value: string) => `--x\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const text = `${part(r.pick(["$ACTION_ID_abc", "product", "quantity", "rail"]), r.pick(["1", "tea", "card", "\u0000"]))}--x--\r\n`;
  return Buffer.from(r.chance(0.5) ? text : text.slice(0, r.int(text.length)));
}

function generate(r: Rng, fx: Fixtures): Spec {
  const roll = r.next();
  if (roll < 0.4) {
    // the merchant API with a valid key (A's test or live key, or B's on A's objects)
    const route = r.pick(MERCHANT_ROUTES);
    const key = r.pick([fx.a.testKey, fx.a.testKey, fx.a.testKey, fx.a.liveKey, fx.b.testKey]);
    const path = route.path(r, fx) + (route.query ? query(r, route.query) : r.chance(0.05) ? query(r, ["limit", "x"]) : "");
    return jsonSpec(r, "merchant", route.method, path, { authorization: `Bearer ${key}` }, route.base?.(fx));
  }
  if (roll < 0.5) {
    // bad keys
    const route = r.pick(MERCHANT_ROUTES);
    const auth = authHeader(r, fx);
    return jsonSpec(r, "bad-key", route.method, route.path(r, fx), auth === null ? {} : { authorization: auth }, route.base?.(fx));
  }
  if (roll < 0.68) {
    // the buyer's API: retrieve, preflight, pay
    const id = sessionFor(r, fx);
    const origin = r.pick(ORIGINS(fx.base));
    const headers: Record<string, string> = origin === null ? {} : { origin };
    if (r.chance(0.1)) headers["x-forwarded-for"] = r.pick(["203.0.113.7", "::1", "garbage", "1.1.1.1, 2.2.2.2", ""]);
    const what = r.int(10);
    if (what === 0) return { kind: "buyer", method: "GET", path: `/api/v1/checkout/${id}${query(r, ["x"])}`, headers };
    if (what === 1) return { kind: "buyer", method: "OPTIONS", path: `/api/v1/checkout/${id}/pay`, headers: { ...headers, "access-control-request-method": "POST" } };
    return jsonSpec(r, "buyer", "POST", `/api/v1/checkout/${id}/pay`, headers, r.pick(PAY_BODIES)(fx));
  }
  if (roll < 0.78) {
    // the page's forms
    const id = sessionFor(r, fx);
    const form = r.pick(["pay", "simulate", "another-way", "challenge"]);
    const origin = r.pick(ORIGINS(fx.base));
    const headers: Record<string, string> = { "content-type": r.chance(0.85) ? "application/x-www-form-urlencoded" : r.pick(CONTENT_TYPES) };
    if (origin !== null) headers.origin = origin;
    if (r.chance(0.1)) headers["x-forwarded-host"] = r.pick(["evil.example", new URL(fx.base).host, "", "a b"]);
    const body = r.chance(0.1) ? bodyBytes(r, oddValue(r)) : formBody(r);
    return { kind: "form", method: "POST", path: `/checkout/${id}/${form}${r.chance(0.1) ? query(r, ["rail"]) : ""}`, headers, body };
  }
  if (roll < 0.88) {
    // pages with odd query strings and headers
    const id = sessionFor(r, fx);
    const page = r.pick([`/checkout/${id}`, `/checkout/${id}`, `/checkout/${id}/3ds`, "/", "/demo", "/docs", `/demo/success`]);
    const q = query(r, ["notice", "errors", "rail", "session", "embed", "parentOrigin"]);
    const errors = r.chance(0.3) ? `${q ? "&" : "?"}errors=${r.pick(["number:__proto__", "cvc:constructor", "__proto__:invalid", "rail:toString", "number:card_number_invalid,exp:%FF", ":", ",,,"])}` : "";
    const headers: Record<string, string> = {};
    if (r.chance(0.3)) headers["accept-language"] = r.pick(["*", "pt-BR;q=abc", "x".repeat(2000), "__proto__", "fr;q=0, es;q=-1", ";;;", "zz-ZZ"]);
    if (r.chance(0.05)) headers.host = r.pick(["a b", "evil.example", "[::1]:99999"]);
    if (r.chance(0.25)) {
      // a page posted to: what a no-script server action looks like, or junk
      const type = r.pick(["multipart/form-data; boundary=x", "multipart/form-data", "application/x-www-form-urlencoded", "text/plain", "application/json"]);
      if (r.chance(0.3)) headers["next-action"] = r.pick(["abc", "0".repeat(40), "", "__proto__"]);
      const body = type.startsWith("multipart") && r.chance(0.5) ? multipartBody(r) : formBody(r);
      return { kind: "page", method: "POST", path: `${r.pick([page, "/no-such-page", "/checkout/%2e%2e/simulate"])}${q}`, headers: { ...headers, "content-type": type }, body };
    }
    return { kind: "page", method: "GET", path: `${page}${q}${errors}`, headers };
  }
  if (roll < 0.95) {
    // odd methods on real routes
    const route = r.pick(MERCHANT_ROUTES);
    const method = r.pick(METHODS);
    const path = r.chance(0.8) ? route.path(r, fx) : `/checkout/${sessionFor(r, fx)}${r.pick(["", "/pay", "/3ds"])}`;
    const spec = jsonSpec(r, "method", method, path, { authorization: `Bearer ${fx.a.testKey}` }, method === "GET" || method === "HEAD" || method === "TRACE" ? undefined : route.base?.(fx) ?? {});
    return spec;
  }
  // bad paths and escapes
  const headers: Record<string, string> = r.chance(0.5) ? { authorization: `Bearer ${fx.a.testKey}` } : {};
  return { kind: "path", method: r.pick(["GET", "GET", "POST", "DELETE", "HEAD"]), path: r.pick(BAD_PATHS), headers };
}

// ---- sending and judging ----

type Answer = { status: number; headers: http.IncomingHttpHeaders; text: string };

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function send(base: string, spec: Spec): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: spec.method,
        path: spec.path,
        agent: spec.fresh ? false : agent,
        headers: { ...spec.headers, ...(spec.body ? { "content-length": String(spec.body.length) } : {}) },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (d: Buffer) => chunks.push(d));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", reject);
    req.end(spec.body);
  });
}

/** What is wrong with an answer, or null. */
function judge(spec: Spec, res: Answer): string | null {
  if (res.status >= 500) return `status ${res.status}`;
  const api = spec.path === "/api" || spec.path.startsWith("/api/");
  if (!api) return null;
  const requestId = res.headers["request-id"];
  if (typeof requestId !== "string" || !/^req_[0-9A-Za-z]{16,40}$/.test(requestId)) return "no Request-Id header";
  if (res.status < 400 || spec.method === "HEAD") return null;
  let body: any;
  try {
    body = JSON.parse(res.text);
  } catch {
    return `a ${res.status} that is not JSON`;
  }
  const e = body?.error;
  if (!e || Object.keys(body).length !== 1) return "not {error}";
  if (!ERROR_TYPES.has(e.type)) return `unknown error type ${e.type}`;
  if (typeof e.code !== "string" || typeof e.message !== "string") return "error without code or message";
  if (e.requestId !== requestId) return "requestId differs from the Request-Id header";
  if (e.type === "validation_error" && res.status === 400 && !Array.isArray(e.issues) && !["invalid_json", "invalid_path", "invalid_request"].includes(e.code)) {
    // a validation error names its fields, except for a body or path that is not parseable at all
    return `validation_error ${e.code} without issues`;
  }
  if (e.type === "method_not_allowed" && !res.headers.allow) return "405 without Allow";
  if (e.type === "rate_limited" && !res.headers["retry-after"]) return "429 without Retry-After";
  return null;
}

function describeSpec(i: number, spec: Spec) {
  const body = spec.body ? ` body=${JSON.stringify(spec.body.subarray(0, 160).toString("latin1"))}${spec.body.length > 160 ? `…(${spec.body.length} bytes)` : ""}` : "";
  return `#${i} [${spec.kind}] ${spec.method} ${spec.path.slice(0, 160)} headers=${JSON.stringify(spec.headers).slice(0, 200)}${body}`;
}

describe(`fuzzing every endpoint (seed ${SEED}, ${COUNT} requests)`, () => {
  let db: Database;
  let server: Server;
  let fx: Fixtures;

  beforeAll(async () => {
    db = await freshDatabase();
    const a = await createMerchantViaCli(db, "Fuzz Shop");
    const b = await createMerchantViaCli(db, "Other Fuzz Shop");
    // The limits would answer most pay attempts with a 429: they have tests of their own.
    server = await startServer(db, { RATE_LIMIT_PAY_PER_IP: "1000000", RATE_LIMIT_PAY_PER_SESSION: "1000000" });
    const api = client(a.testKey, server.url);
    const make = async (overrides: Record<string, unknown> = {}) => {
      const res = await api.post("/api/v1/checkout/sessions", sessionBody(overrides));
      if (res.status !== 201) throw new Error(res.text);
      return res.body.id as string;
    };
    const sessions = [await make(), await make({ currency: "BRL", amount: 10_000, installments: { maxCount: 6 } }), await make({ currency: "XOF", amount: 5000 })];
    for (let i = 0; i < 5; i++) sessions.push(await make({ cancelUrl: "https://shop.example.com/cart" }));
    const embedded = await make({ mode: "embedded", allowedOrigins: ["https://shop.example.com"] });
    const paid = await make();
    const buyer = client(null, server.url);
    const payRes = await buyer.post(`/api/v1/checkout/${paid}/pay`, CARD("4242424242424242"));
    if (payRes.body.status !== "paid") throw new Error(payRes.text);
    const pendingSession = await make();
    const pendingRes = await buyer.post(`/api/v1/checkout/${pendingSession}/pay`, { rail: "transfer", email: "a@example.com" });
    const endpoint = await api.post("/api/v1/webhook-endpoints", { url: "https://1.1.1.1/hook", events: ["checkout.session.expired"] });
    if (endpoint.status !== 201) throw new Error(endpoint.text);
    const refund = await api.post("/api/v1/refunds", { payment: payRes.body.payment.id, amount: 100 });
    if (refund.status !== 201) throw new Error(refund.text);
    const events = await api.get("/api/v1/events?limit=1");
    fx = {
      a, b, sessions, embedded, paid,
      payment: payRes.body.payment?.id ?? "pay_none",
      pending: pendingRes.body.payment?.id ?? "pay_none",
      event: events.body.data[0].id,
      endpoint: endpoint.body.id,
      refund: refund.body.id,
      base: server.url,
    };
  });
  afterAll(async () => {
    agent.destroy();
    await server?.stop();
    await db?.drop();
  });

  it("answers every one with a 4xx (or a success), in the error format on the API", async () => {
    const r = rngOf(SEED);
    const specs = Array.from({ length: COUNT }, () => generate(r, fx));
    const byStatus = new Map<number, number>();
    const byKind = new Map<string, Map<number, number>>();
    const failures: string[] = [];
    const started = performance.now();
    await times(specs.length, CONCURRENCY, async (i) => {
      const spec = specs[i]!;
      let res: Answer;
      try {
        res = await send(server.url, spec);
      } catch (err) {
        // A connection the server cut after an oversized body is the one allowed way to end.
        if (!spec.fresh) failures.push(`${describeSpec(i, spec)} → ${(err as Error).message}`);
        return;
      }
      byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
      const kind = byKind.get(spec.kind) ?? new Map<number, number>();
      kind.set(res.status, (kind.get(res.status) ?? 0) + 1);
      byKind.set(spec.kind, kind);
      const problem = judge(spec, res);
      if (problem) failures.push(`${describeSpec(i, spec)} → ${problem}: ${res.text.slice(0, 300)}`);
    });
    const seconds = (performance.now() - started) / 1000;
    const line = (m: Map<number, number>) => [...m].sort((x, y) => x[0] - y[0]).map(([s, n]) => `${s}: ${n}`).join(", ");
    const reasons = new Map<string, number>();
    for (const f of failures) {
      const m = /\] (\S+) .*→ ([^:]+)/.exec(f);
      const reason = m ? `${m[1]} ${m[2]}` : f.slice(0, 80);
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    console.log(
      [
        `fuzz seed ${SEED}: ${COUNT} requests in ${seconds.toFixed(1)} s, ${failures.length} failures`,
        ...[...reasons].map(([k, n]) => `  failed: ${n} × ${k}`),
        `  by status: ${line(byStatus)}`,
        ...[...byKind].map(([k, m]) => `  ${k}: ${line(m)}`),
      ].join("\n"),
    );
    expect(failures.slice(0, 30)).toEqual([]);
    expect(server.output()).not.toMatch(/"level":50/);
  }, 300_000);
});
