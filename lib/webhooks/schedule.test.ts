import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, parseRetryAfter, RETRY_SCHEDULE_SECONDS, retryDelayMs } from "./schedule";

describe("retryDelayMs", () => {
  it("follows the schedule of SPEC 5, within ±10 % jitter", () => {
    const expected = [5, 300, 1800, 7200, 18_000, 36_000, 50_400, 72_000, 86_400];
    expect(RETRY_SCHEDULE_SECONDS).toEqual(expected);
    expected.forEach((seconds, i) => {
      const low = retryDelayMs({ attempts: i + 1, scale: 1, random: () => 0 })!;
      const mid = retryDelayMs({ attempts: i + 1, scale: 1, random: () => 0.5 })!;
      const high = retryDelayMs({ attempts: i + 1, scale: 1, random: () => 0.999999 })!;
      expect(mid).toBe(seconds * 1000);
      expect(low).toBe(Math.round(seconds * 900));
      expect(high).toBeLessThanOrEqual(seconds * 1100);
      expect(high).toBeGreaterThan(seconds * 1099);
    });
  });

  it("stays within the jitter bounds with real randomness", () => {
    for (let i = 0; i < 1000; i++) {
      const d = retryDelayMs({ attempts: 2, scale: 1 })!;
      expect(d).toBeGreaterThanOrEqual(270_000);
      expect(d).toBeLessThanOrEqual(330_000);
    }
  });

  it("gives up after the tenth attempt", () => {
    expect(MAX_ATTEMPTS).toBe(10);
    expect(retryDelayMs({ attempts: 9, scale: 1 })).not.toBeNull();
    expect(retryDelayMs({ attempts: 10, scale: 1 })).toBeNull();
  });

  it("shrinks with the time scale", () => {
    expect(retryDelayMs({ attempts: 1, scale: 0.001, random: () => 0.5 })).toBe(5);
    expect(retryDelayMs({ attempts: 3, scale: 0.001, random: () => 0.5 })).toBe(1800);
  });

  it("waits at least as long as Retry-After asks, capped at a day", () => {
    expect(retryDelayMs({ attempts: 1, scale: 1, retryAfterMs: 120_000, random: () => 0.5 })).toBe(120_000);
    expect(retryDelayMs({ attempts: 2, scale: 1, retryAfterMs: 1000, random: () => 0.5 })).toBe(300_000);
    expect(retryDelayMs({ attempts: 1, scale: 1, retryAfterMs: 10 * 86_400_000, random: () => 0.5 })).toBe(86_400_000);
    expect(retryDelayMs({ attempts: 1, scale: 0.001, retryAfterMs: 120_000, random: () => 0.5 })).toBe(120);
  });
});

describe("parseRetryAfter", () => {
  const at = new Date("2026-01-01T00:00:00Z");
  it("reads delay-seconds and HTTP dates", () => {
    expect(parseRetryAfter("30", at)).toBe(30_000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:01:00 GMT", at)).toBe(60_000);
    expect(parseRetryAfter("Wed, 31 Dec 2025 00:00:00 GMT", at)).toBe(0);
  });
  it("ignores what it cannot read", () => {
    expect(parseRetryAfter(null, at)).toBeNull();
    expect(parseRetryAfter("soon", at)).toBeNull();
    expect(parseRetryAfter("-5", at)).toBeNull();
  });
});
