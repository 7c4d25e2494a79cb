import { describe, expect, it } from "vitest";
import { normalizeIp, resolveForwarded } from "./forwarded";

const xff = (value: string, more: Record<string, string> = {}) => ({ "x-forwarded-for": value, ...more });

describe("resolveForwarded", () => {
  it("takes the socket's address and ignores every forwarding header when no proxy is trusted", () => {
    const headers = xff("203.0.113.7", { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(resolveForwarded(headers, "198.51.100.2", 0)).toEqual({ ip: "198.51.100.2", host: null, proto: null });
  });

  it("counts trusted proxies from the right of X-Forwarded-For", () => {
    // The client wrote 6.6.6.6 itself; proxy 2 saw 1.1.1.1, proxy 1 (the socket) saw proxy 2 at 10.0.0.2.
    const headers = xff("6.6.6.6, 1.1.1.1, 10.0.0.2");
    expect(resolveForwarded(headers, "10.0.0.1", 1).ip).toBe("10.0.0.2");
    expect(resolveForwarded(headers, "10.0.0.1", 2).ip).toBe("1.1.1.1");
    expect(resolveForwarded(headers, "10.0.0.1", 3).ip).toBe("6.6.6.6");
    // More proxies trusted than there are entries: the leftmost, never past it.
    expect(resolveForwarded(headers, "10.0.0.1", 9).ip).toBe("6.6.6.6");
  });

  it("joins repeated X-Forwarded-For headers in order", () => {
    expect(resolveForwarded({ "x-forwarded-for": ["6.6.6.6", "1.1.1.1"] }, "10.0.0.1", 1).ip).toBe("1.1.1.1");
  });

  it("falls back to the socket when a trusted proxy sent no X-Forwarded-For", () => {
    expect(resolveForwarded({}, "10.0.0.1", 1).ip).toBe("10.0.0.1");
    expect(resolveForwarded({ "x-forwarded-for": " , " }, "10.0.0.1", 1).ip).toBe("10.0.0.1");
  });

  it("knows no client without a socket when nothing is trusted", () => {
    expect(resolveForwarded(xff("203.0.113.7"), undefined, 0).ip).toBeNull();
    expect(resolveForwarded(xff("203.0.113.7"), undefined, 1).ip).toBe("203.0.113.7");
    expect(resolveForwarded({}, undefined, 1).ip).toBeNull();
  });

  it("believes X-Forwarded-Host and -Proto from trusted proxies only, and only well-formed", () => {
    const headers = xff("1.1.1.1", { "x-forwarded-host": "Pay.Example.com:8443", "x-forwarded-proto": "HTTPS" });
    expect(resolveForwarded(headers, "10.0.0.1", 1)).toEqual({ ip: "1.1.1.1", host: "pay.example.com:8443", proto: "https" });
    expect(resolveForwarded({ "x-forwarded-host": "evil.example, pay.example.com" }, "10.0.0.1", 1).host).toBe("pay.example.com");
    expect(resolveForwarded({ "x-forwarded-host": "[::1]:8443" }, "10.0.0.1", 1).host).toBe("[::1]:8443");
    for (const bad of ["[::1", "pay.example.com:", "pay.example.com/x", "a b", "*.example.com", "a.com;x", "'self'"]) {
      expect(resolveForwarded({ "x-forwarded-host": bad }, "10.0.0.1", 1).host).toBeNull();
    }
    expect(resolveForwarded({ "x-forwarded-proto": "javascript" }, "10.0.0.1", 1).proto).toBeNull();
  });
});

describe("normalizeIp", () => {
  it.each([
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["1.2.3.4:5678", "1.2.3.4"],
    ["[2001:DB8::1]:443", "2001:db8::1"],
    ["[::1]", "::1"],
    [" 10.0.0.1 ", "10.0.0.1"],
    ["x".repeat(100), "x".repeat(64)],
  ])("%s is %s", (input, out) => {
    expect(normalizeIp(input)).toBe(out);
  });
});
