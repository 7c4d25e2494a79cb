// Origins that reach a policy or an Origin check: allowedOrigins and the redirect URLs' hosts are
// clean serialised origins (nothing a CSP would read as syntax), and the buyer's forms and pay
// call compare whole origins (scheme, host and port) with this server's own.
import { describe, expect, inject, it } from "vitest";
import { CARD, client, sessionBody } from "../support/api";

const base = () => inject("baseUrl");
const api = () => client(inject("merchantA").testKey);

describe("allowedOrigins", () => {
  it.each([
    "https://*",
    "https://*.example.com",
    "*",
    "https://a.com;script-src",
    "https://a.com; script-src 'unsafe-inline'",
    "https://a.com'",
    "'self'",
    "https://a com",
    "https://a.com,https://b.com",
    "https://shop.example.com/cart",
    "https://user@shop.example.com",
    "https://SHOP.example.com",
    "https://shop_1.example.com",
    "https://shop.example.com:443",
    "data:",
  ])("refuses %j with a 400 on its index, storing nothing", async (value) => {
    const before = (await api().get("/api/v1/checkout/sessions?limit=1")).body.data[0]?.id;
    const res = await api().post("/api/v1/checkout/sessions", sessionBody({ mode: "embedded", allowedOrigins: ["https://ok.example.com", value] }));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: "validation_error", code: "invalid_request" });
    expect(res.body.error.issues).toEqual([{ path: ["allowedOrigins", 1], code: "custom", message: expect.stringContaining("must be an origin") }]);
    expect((await api().get("/api/v1/checkout/sessions?limit=1")).body.data[0]?.id).toBe(before);
  });

  it("accepts host names, IP literals and ports, and frames the page for exactly those", async () => {
    const origins = ["https://shop.example.com", "http://localhost:4000", "https://127.0.0.1:8443", "https://[::1]:8443", "https://xn--bcher-kva.example"];
    const res = await api().post("/api/v1/checkout/sessions", sessionBody({ mode: "embedded", allowedOrigins: [...origins, "https://www.example.com/"] }));
    expect(res.status).toBe(201);
    expect(res.body.allowedOrigins).toEqual([...origins, "https://www.example.com"]);
    const page = await fetch(res.body.checkoutUrl);
    expect(page.headers.get("content-security-policy")).toContain(`frame-ancestors ${[...origins, "https://www.example.com"].join(" ")};`);
  });
});

describe("successUrl and cancelUrl", () => {
  it.each([
    ["successUrl", "https://*.example.com/thanks"],
    ["successUrl", "https://*/thanks"],
    ["cancelUrl", "https://a.com;script-src/cart"],
    ["cancelUrl", "https://shop_1.example.com/cart"],
  ])("refuses %s %j: its host would reach form-action", async (field, value) => {
    const res = await api().post("/api/v1/checkout/sessions", sessionBody({ [field]: value }));
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([{ path: [field], code: "custom", message: expect.stringContaining("host of letters, digits, hyphens and dots") }]);
  });

  it("puts the redirects' origins into form-action, a non-ASCII host as the browser spells it", async () => {
    const res = await api().post(
      "/api/v1/checkout/sessions",
      sessionBody({ successUrl: "https://Bücher.example/thanks", cancelUrl: "https://shop.example.com:8443/cart" }),
    );
    expect(res.status).toBe(201);
    const csp = (await fetch(res.body.checkoutUrl)).headers.get("content-security-policy")!;
    expect(csp).toContain("form-action 'self' https://xn--bcher-kva.example https://shop.example.com:8443;");
  });
});

describe("the buyer's Origin checks", () => {
  const http = new URL(base());
  const otherScheme = `https://${http.host}`;

  it("refuses a form whose Origin has our host but another scheme (or port)", async () => {
    const s = (await api().post("/api/v1/checkout/sessions", sessionBody())).body;
    for (const origin of [otherScheme, `http://${http.hostname}:1`]) {
      const res = await fetch(`${base()}/checkout/${s.id}/pay`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", origin },
        body: new URLSearchParams({ rail: "card", number: "4242 4242 4242 4242", exp: "12/40", cvc: "123" }),
      });
      expect(res.status).toBe(403);
    }
    expect((await api().get(`/api/v1/checkout/sessions/${s.id}`)).body.payment).toBeNull();
  });

  it("refuses the pay call from our host under another scheme, and takes it from our exact origin", async () => {
    const s = (await api().post("/api/v1/checkout/sessions", sessionBody())).body;
    const pay = (origin: string) => client(null).post(`/api/v1/checkout/${s.id}/pay`, CARD("4000000000000002"), { origin });
    const refused = await pay(otherScheme);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("origin_not_allowed");
    expect((await pay(base())).status).toBe(200);
  });
});
