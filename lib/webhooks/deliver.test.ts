import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { outcomeOf, signedHeaders } from "./deliver";
import type { SendResult } from "./send";

const at = new Date("2026-03-01T12:00:00Z");
const result = (status: number | null, extra: Partial<SendResult> = {}): SendResult => ({
  status,
  body: null,
  durationMs: 10,
  error: status !== null && status < 300 ? null : "failed",
  retryAfter: null,
  ...extra,
});

describe("signedHeaders", () => {
  it("signs so that the standardwebhooks library verifies it", () => {
    const secret = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
    const body = JSON.stringify({ id: "evt_1", object: "event" });
    const now = new Date();
    const headers = signedHeaders(secret, "evt_1", body, now);
    expect(headers["webhook-id"]).toBe("evt_1");
    expect(headers["webhook-timestamp"]).toBe(String(Math.floor(now.getTime() / 1000)));
    expect(new Webhook(secret).verify(body, headers)).toEqual({ id: "evt_1", object: "event" });
    expect(() => new Webhook(secret).verify(body + " ", headers)).toThrow();
  });
});

describe("outcomeOf", () => {
  it("succeeds on any 2xx", () => {
    for (const s of [200, 201, 202, 204, 299]) expect(outcomeOf(result(s), 1, at, 1).status).toBe("succeeded");
  });

  it("fails the delivery and disables the endpoint on 410", () => {
    expect(outcomeOf(result(410), 1, at, 1)).toMatchObject({ status: "failed", disable: "The endpoint answered 410 Gone." });
  });

  it("retries anything else on the schedule", () => {
    for (const r of [result(301), result(400), result(500), result(null)]) {
      const o = outcomeOf(r, 1, at, 1, () => 0.5);
      expect(o).toMatchObject({ status: "pending", disable: null, exhausted: false });
      expect(o.nextAttemptAt.getTime() - at.getTime()).toBe(5000);
    }
    expect(outcomeOf(result(500), 9, at, 1, () => 0.5).nextAttemptAt.getTime() - at.getTime()).toBe(86_400_000);
  });

  it("waits for Retry-After on 429 and 503", () => {
    const o = outcomeOf(result(503, { retryAfter: "600" }), 1, at, 1, () => 0.5);
    expect(o.nextAttemptAt.getTime() - at.getTime()).toBe(600_000);
  });

  it("fails the delivery after the tenth attempt", () => {
    expect(outcomeOf(result(500), 10, at, 1)).toMatchObject({ status: "failed", exhausted: true, disable: null });
  });
});
