import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CURRENCIES, formatMoney, isCurrency, minorUnits, toDecimalString, type Currency } from "./currencies";

// A verbatim copy of shared/vectors/rails.json, kept in the repo so tests run from any clone.
const vectors = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../rails/vectors.json"), "utf8"))
  .currencies_minor_units as { zero: string[]; three: string[]; two_but_intl_says_zero_on_some_engines: string[] };

const REQUIRED = (
  "NGN XOF XAF GHS KES UGX RWF TZS ZMW ZAR EGP MAD BRL MXN COP CLP ARS PEN PYG UYU BOB GTQ CRC NIO " +
  "USD CAD EUR GBP CHF PLN JPY KRW CNY HKD SGD INR IDR PHP THB MYR AUD NZD SAR AED KWD QAR OMR BHD"
).split(" ");

describe("currency table", () => {
  it("supports every currency the foundation issue lists", () => {
    expect(REQUIRED.filter((c) => !isCurrency(c))).toEqual([]);
  });

  it.each(vectors.zero.filter(isCurrency))("%s has no minor unit", (code) => {
    expect(minorUnits(code as Currency)).toBe(0);
  });

  it.each(vectors.three.filter(isCurrency))("%s has three decimals", (code) => {
    expect(minorUnits(code as Currency)).toBe(3);
  });

  it.each(vectors.two_but_intl_says_zero_on_some_engines.filter(isCurrency))(
    "%s has two decimals even where Intl says otherwise",
    (code) => {
      expect(minorUnits(code as Currency)).toBe(2);
      expect(toDecimalString(12345, code as Currency)).toBe("123.45");
    },
  );

  it("covers the vectors' zero- and three-decimal currencies that it supports", () => {
    const supportedZero = vectors.zero.filter(isCurrency);
    expect(supportedZero).toEqual(expect.arrayContaining(["XOF", "XAF", "JPY", "KRW", "CLP", "PYG", "UGX", "RWF"]));
    expect(vectors.three.filter(isCurrency)).toEqual(expect.arrayContaining(["KWD", "BHD", "OMR"]));
  });

  it("does not accept lower-case or unknown codes by itself", () => {
    expect(isCurrency("ngn")).toBe(false);
    expect(isCurrency("XXX")).toBe(false);
    expect(isCurrency("toString")).toBe(false);
  });

  it("lists each currency once", () => {
    expect(new Set(CURRENCIES).size).toBe(CURRENCIES.length);
  });
});

describe("toDecimalString", () => {
  it.each([
    [250000, "NGN", "2500.00"],
    [5, "NGN", "0.05"],
    [0, "BRL", "0.00"],
    [5000, "XOF", "5000"],
    [1234, "KWD", "1.234"],
    [1, "BHD", "0.001"],
    [1_000_000_000_000, "USD", "10000000000.00"],
  ] as const)("%i %s is %s", (minor, currency, text) => {
    expect(toDecimalString(minor, currency)).toBe(text);
  });

  it("refuses non-integers", () => {
    expect(() => toDecimalString(1.5, "USD")).toThrow(RangeError);
  });
});

describe("formatMoney", () => {
  it.each([
    [250000, "NGN", "en", "₦2,500.00"],
    [5000, "XOF", "fr", "5 000 F CFA"],
    [5000, "XOF", "en", "F CFA 5,000"],
    [1234, "KWD", "en", "KWD 1.234"],
    [1050, "BRL", "pt", "R$ 10,50"],
    [100, "USD", "fr", "1,00 $US"],
    [1_000_000_000_000, "USD", "en", "$10,000,000,000.00"],
  ] as const)("%i %s in %s is %s", (minor, currency, locale, text) => {
    // Intl uses narrow no-break spaces in some locales; compare with plain spaces.
    expect(formatMoney(minor, currency, locale).replace(/[\u00a0\u202f]/g, " ")).toBe(text);
  });
});
