import { describe, expect, it } from "vitest";
import vectors from "../vectors.json";
import { formatCardNumber, inspectCard, installmentGroups, installmentPlan, validateCvc, validateExpiry } from "./card";
import { installmentOptionText } from "./installments";
import { cardFingerprint } from "./card-fingerprint";

const { cards } = vectors;
const testCards = Object.keys(cards.stripe_style_test_cards);

describe("inspectCard", () => {
  it.each([
    ["4242424242424242", "visa"],
    ["5555555555554444", "mastercard"],
    ["2223003122003222", "mastercard"],
    ["378282246310005", "amex"],
    ["6011111111111117", "discover"],
    ["6445644564456445", "discover"],
    ["3530111333300000", "jcb"],
    ["5060990580000217499", "verve"],
    ["5061980000000000", "verve"],
    ["5078650000000000", "verve"],
    ["5079640000000000", "verve"],
    ["6362970000000000", "elo"],
    ["6062825624254001", "hipercard"],
  ] as const)("detects %s as %s", (number, brand) => {
    expect(inspectCard(number).brand).toBe(brand);
  });

  it("lets the Verve ranges win where the library says Maestro", () => {
    // 506130 is inside 506099-506198 but not among the library's own Verve BINs.
    expect(inspectCard("5061300000000000").brand).toBe("verve");
    expect(inspectCard("5079000000000000").brand).toBe("verve");
    expect(inspectCard("5060980000000000").brand).not.toBe("verve");
    expect(inspectCard("5079650000000000").brand).not.toBe("verve");
  });

  it.each(testCards)("accepts the sandbox card %s", (number) => {
    const card = inspectCard(number);
    expect(card).toMatchObject({ luhnValid: true, lengthValid: true, valid: true, last4: number.slice(-4) });
  });

  it.each(cards.luhn_invalid)("fails Luhn for %s", (number) => {
    expect(inspectCard(number)).toMatchObject({ brand: "visa", luhnValid: false, lengthValid: true, valid: false });
  });

  it("gives Amex a 4-digit CVC and the others 3", () => {
    expect(inspectCard("378282246310005").cvcLength).toBe(4);
    expect(inspectCard("4242424242424242").cvcLength).toBe(3);
    expect(inspectCard("5061300000000000").cvcLength).toBe(3);
  });

  it("reads spaced and dashed input as typed", () => {
    expect(inspectCard("4242 4242 4242 4242")).toMatchObject({ brand: "visa", valid: true, last4: "4242" });
    expect(inspectCard("3782-822463-10005")).toMatchObject({ brand: "amex", valid: true, last4: "0005" });
  });

  it("names the brand only once the prefix is unambiguous", () => {
    expect(inspectCard("5").brand).toBeNull();
    expect(inspectCard("37").brand).toBe("amex");
    expect(inspectCard("424242")).toMatchObject({ brand: "visa", lengthValid: false, valid: false });
  });

  it("checks the length for the brand", () => {
    // Luhn-valid but 15 digits: no Visa is that long.
    expect(inspectCard("424242424242424")).toMatchObject({ luhnValid: true, lengthValid: false, valid: false });
  });

  it("rejects letters outright", () => {
    expect(inspectCard("4242 4242 4242 424x")).toEqual({
      brand: null,
      luhnValid: false,
      lengthValid: false,
      cvcLength: null,
      last4: "",
      valid: false,
    });
  });
});

describe("validateExpiry", () => {
  const now = new Date("2026-11-24T10:00:00Z");

  it("accepts this month and later", () => {
    expect(validateExpiry(11, 2026, now)).toEqual({ valid: true, month: 11, year: 2026 });
    expect(validateExpiry("03", "27", now)).toEqual({ valid: true, month: 3, year: 2027 });
    expect(validateExpiry(12, 2045, now)).toEqual({ valid: true, month: 12, year: 2045 });
  });

  it("rejects last month", () => {
    expect(validateExpiry(10, 2026, now)).toEqual({ valid: false, reason: "expired" });
    expect(validateExpiry(12, 25, now)).toEqual({ valid: false, reason: "expired" });
  });

  it("keeps the month open until it has ended everywhere", () => {
    expect(validateExpiry(11, 2026, new Date("2026-12-01T11:59:00Z")).valid).toBe(true);
    expect(validateExpiry(11, 2026, new Date("2026-12-01T12:00:00Z"))).toEqual({ valid: false, reason: "expired" });
  });

  it("rejects impossible months and years", () => {
    expect(validateExpiry(13, 2027, now)).toEqual({ valid: false, reason: "invalid_month" });
    expect(validateExpiry("0", 2027, now)).toEqual({ valid: false, reason: "invalid_month" });
    expect(validateExpiry("1a", 2027, now)).toEqual({ valid: false, reason: "invalid_month" });
    expect(validateExpiry(1, "202", now)).toEqual({ valid: false, reason: "invalid_year" });
    expect(validateExpiry(1, 2046, now)).toEqual({ valid: false, reason: "too_far" });
  });
});

describe("validateCvc", () => {
  it("wants 4 digits for Amex and 3 for Visa", () => {
    expect(validateCvc("1234", "amex")).toBe(true);
    expect(validateCvc("123", "amex")).toBe(false);
    expect(validateCvc("123", "visa")).toBe(true);
    expect(validateCvc("1234", "visa")).toBe(false);
    expect(validateCvc("12a", "visa")).toBe(false);
  });

  it("accepts 3 or 4 digits when the brand is unknown", () => {
    expect(validateCvc("123", null)).toBe(true);
    expect(validateCvc("1234", null)).toBe(true);
    expect(validateCvc("12", null)).toBe(false);
  });
});

describe("cardFingerprint", () => {
  it("is the HMAC-SHA256 of the digits", () => {
    // Computed independently with Python's hmac module.
    const expected = "e9c8896c8b4efbf5b670e761e8058ba7ef0a08d13f5e951f4d859610bf33c86b";
    expect(cardFingerprint("4242424242424242", "Jefe")).toBe(expected);
    expect(cardFingerprint("4242 4242 4242 4242", "Jefe")).toBe(expected);
  });

  it("depends on the secret and the number", () => {
    const a = cardFingerprint("4242424242424242", "secret-a");
    expect(cardFingerprint("4242424242424242", "secret-b")).not.toBe(a);
    expect(cardFingerprint("5555555555554444", "secret-a")).not.toBe(a);
  });

  it("refuses an empty secret", () => {
    expect(() => cardFingerprint("4242424242424242", "")).toThrow(RangeError);
  });
});

describe("installmentPlan", () => {
  it("puts the remainder on the first parts", () => {
    expect(installmentPlan(1000, 3)).toEqual([334, 333, 333]);
    expect(installmentPlan(1001, 3)).toEqual([334, 334, 333]);
    expect(installmentPlan(1200, 12)).toEqual(Array(12).fill(100));
    expect(installmentPlan(5, 1)).toEqual([5]);
  });

  it.each([
    [99_999, 7],
    [1, 1],
    [123_456_789, 12],
  ])("sums %i over %i parts exactly", (amount, count) => {
    const parts = installmentPlan(amount, count);
    expect(parts).toHaveLength(count);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
    expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
  });

  it("refuses parts of zero or fractions", () => {
    expect(() => installmentPlan(2, 3)).toThrow(RangeError);
    expect(() => installmentPlan(10.5, 2)).toThrow(RangeError);
    expect(() => installmentPlan(100, 0)).toThrow(RangeError);
  });
});

describe("formatCardNumber", () => {
  it("groups as printed on the card", () => {
    expect(formatCardNumber("4242424242424242")).toBe("4242 4242 4242 4242");
    expect(formatCardNumber("378282246310005")).toBe("3782 822463 10005");
    expect(formatCardNumber("4242-42")).toBe("4242 42");
    expect(formatCardNumber("5060990580000217499")).toBe("5060 9905 8000 0217 499");
  });
});

describe("installmentGroups", () => {
  it("says which parts differ: R$ 174,90 in 4 is 2 × 43,73 + 2 × 43,72, not 4 × 43,73", () => {
    expect(installmentGroups(17_490, 4)).toEqual([{ count: 2, amount: 4373 }, { count: 2, amount: 4372 }]);
    expect(installmentGroups(17_489, 4)).toEqual([{ count: 1, amount: 4373 }, { count: 3, amount: 4372 }]);
    expect(installmentGroups(1200, 12)).toEqual([{ count: 12, amount: 100 }]);
  });

  it.each([
    [17_490, 4],
    [99_999, 7],
    [100_01, 12],
    [3, 3],
  ])("adds up to %i over %i parts exactly", (amount, count) => {
    const groups = installmentGroups(amount, count);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(count);
    expect(groups.reduce((sum, g) => sum + g.count * g.amount, 0)).toBe(amount);
    expect(groups.length).toBeLessThanOrEqual(2);
  });
});

describe("installmentOptionText", () => {
  it.each([
    ["pt", 17_490, 4, "2x R$ 43,73 + 2x R$ 43,72"],
    ["pt", 17_489, 4, "1x R$ 43,73 + 3x R$ 43,72"],
    ["pt", 12_000, 4, "4x R$ 30,00"],
    ["en", 17_490, 4, "2 × R$43.73 + 2 × R$43.72"],
    ["fr", 17_490, 4, "2 × 43,73 R$ + 2 × 43,72 R$"],
    ["es", 17_489, 4, "1 × 43,73 R$ + 3 × 43,72 R$"],
    ["pt", 17_490, 1, "À vista: R$ 174,90"],
  ] as const)("%s: %i in %i reads %s", (locale, amount, count, text) => {
    expect(installmentOptionText(amount, count, "BRL", locale).replace(/[\u00a0\u202f]/g, " ")).toBe(text);
  });
});
