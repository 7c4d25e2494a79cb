import { describe, expect, it } from "vitest";
import { firstReconcileAt, nextReconcileAt } from "./reconcile-schedule";

const MIN = 60_000;
const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);

describe("the reconciliation schedule", () => {
  it("looks first a minute after the start", () => {
    expect(firstReconcileAt(at(0))).toEqual(at(MIN));
  });
  it("then doubles the gap, up to an hour, never past the deadline, and once more after it", () => {
    const p = { createdAt: at(0), expiresAt: at(30 * MIN) };
    expect(nextReconcileAt(p, 0, at(MIN))).toEqual(at(2 * MIN));
    expect(nextReconcileAt(p, 1, at(2 * MIN))).toEqual(at(4 * MIN));
    expect(nextReconcileAt(p, 3, at(10 * MIN))).toEqual(at(18 * MIN));
    expect(nextReconcileAt(p, 4, at(18 * MIN))).toEqual(at(30 * MIN)); // the deadline, not 34
    expect(nextReconcileAt(p, 5, at(30 * MIN))).toEqual(at(40 * MIN)); // the last look
    expect(nextReconcileAt(p, 6, at(40 * MIN))).toBeNull();
  });
  it("asks about a payment without a deadline until it settles, at most an hour apart", () => {
    expect(nextReconcileAt({ createdAt: at(0), expiresAt: null }, 30, at(0))).toEqual(at(60 * MIN));
  });
});
