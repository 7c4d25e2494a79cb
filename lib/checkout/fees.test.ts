import { describe, expect, it } from "vitest";
import { computeFee, DEFAULT_FEES, feeRuleFor } from "./fees";

describe("computeFee", () => {
  it("takes basis points of the amount, rounded half up", () => {
    expect(computeFee({ bps: 290, fixed: 0 }, 10_000)).toBe(290);
    expect(computeFee({ bps: 150, fixed: 0 }, 33)).toBe(0); // 0.495 rounds down
    expect(computeFee({ bps: 150, fixed: 0 }, 34)).toBe(1); // 0.51 rounds up
    expect(computeFee({ bps: 100, fixed: 0 }, 50)).toBe(1); // 0.5 rounds up
  });

  it("adds the fixed part and applies the cap", () => {
    expect(computeFee({ bps: 150, fixed: 10_000 }, 1_000_000)).toBe(25_000);
    expect(computeFee({ bps: 100, fixed: 0, cap: 200_000 }, 1_000_000_000)).toBe(200_000);
  });

  it("never charges more than the amount", () => {
    expect(computeFee({ bps: 0, fixed: 349 }, 100)).toBe(100);
  });

  it("stays exact at the largest amount", () => {
    expect(computeFee({ bps: 9_999, fixed: 0 }, 1_000_000_000_000)).toBe(999_900_000_000);
  });
});

describe("feeRuleFor", () => {
  it("prefers the merchant's schedule and falls back to the defaults", () => {
    expect(feeRuleFor({ card: { bps: 100, fixed: 5 } }, "card")).toEqual({ bps: 100, fixed: 5 });
    expect(feeRuleFor({}, "pix")).toEqual(DEFAULT_FEES.pix);
    expect(feeRuleFor(null, "boleto")).toEqual(DEFAULT_FEES.boleto);
  });
});
