import { describe, expect, it } from "vitest";
import { checkoutCsp } from "./csp";
import { originOfUrl, parseOrigin } from "./origin";

describe("parseOrigin", () => {
  it.each([
    "https://shop.example.com",
    "http://localhost:4000",
    "https://xn--bcher-kva.example",
    "https://a-b.c-d.example:8443",
    "http://127.0.0.1:3000",
    "https://[::1]:8443",
    "https://[2001:db8::1]",
  ])("accepts %s", (value) => {
    expect(parseOrigin(value)).toBe(value);
  });

  it("drops one trailing slash", () => {
    expect(parseOrigin("https://shop.example.com/")).toBe("https://shop.example.com");
  });

  it.each([
    "https://*",
    "https://*.example.com",
    "*",
    "https://a.com;script-src",
    "https://a.com script-src 'unsafe-inline'",
    "https://a.com'",
    'https://"a.com"',
    "https://a.com,b.com",
    "https://a_b.example.com",
    "https://-a.example.com",
    "https://a..example.com",
    "https://a.example.com.",
    "https://shop.example.com/cart",
    "https://shop.example.com//",
    "https://shop.example.com?x",
    "https://shop.example.com#x",
    "https://user@shop.example.com",
    "https://Shop.Example.com",
    "https://shop.example.com:443",
    "http://shop.example.com:80",
    "https://0x7f.1",
    "https://bücher.example",
    "ftp://shop.example.com",
    "javascript://shop.example.com",
    "https://shop.example.com:99999",
    "https://[::1",
    "https://[v1.x]",
    " https://shop.example.com",
    "",
    "null",
  ])("refuses %j", (value) => {
    expect(parseOrigin(value)).toBeNull();
  });
});

describe("originOfUrl", () => {
  it("gives the origin of a URL with a clean host, and null otherwise", () => {
    expect(originOfUrl("https://shop.example.com/thanks?s={CHECKOUT_SESSION_ID}")).toBe("https://shop.example.com");
    expect(originOfUrl("https://Bücher.example/x")).toBe("https://xn--bcher-kva.example");
    expect(originOfUrl("https://*.example.com/x")).toBeNull();
    expect(originOfUrl("https://a.com;script-src/x")).toBeNull();
    expect(originOfUrl("not a url")).toBeNull();
  });
});

describe("checkoutCsp", () => {
  it("puts only clean origins into frame-ancestors and form-action", () => {
    const csp = checkoutCsp("n0nce", {
      frameAncestors: ["https://shop.example.com", "https://*", "https://a.com;script-src", "'unsafe-inline'"],
      formTargets: ["https://shop.example.com", "https://*.example.com"],
    });
    expect(csp).toContain("frame-ancestors https://shop.example.com;");
    expect(csp).toContain("form-action 'self' https://shop.example.com;");
    expect(csp).not.toContain("*");
    expect(csp.split("; ").filter((d) => d.startsWith("script-src"))).toHaveLength(1);
  });

  it("frames nowhere when no allowed origin is clean", () => {
    expect(checkoutCsp("n", { frameAncestors: ["https://*"], formTargets: [] })).toContain("frame-ancestors 'none'");
  });
});
