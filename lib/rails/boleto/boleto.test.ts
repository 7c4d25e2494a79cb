import { describe, expect, it } from "vitest";
import vectors from "../vectors.json";
import {
  barcodeToDigitableLine,
  buildBoleto,
  digitableLineToBarcode,
  dueDateFactor,
  formatDigitableLine,
  isValidBarcode,
  isValidDigitableLine,
  itfBarsSvg,
  mod10,
  mod11Barcode,
} from "./boleto";

const { pairs } = vectors.boleto;
const [caixa, bradesco] = pairs as [(typeof pairs)[number], (typeof pairs)[number]];

function replaceDigit(text: string, index: number): string {
  const digit = (Number(text[index]) + 1) % 10;
  return text.slice(0, index) + digit + text.slice(index + 1);
}

describe("check digits", () => {
  it("computes the digitable line's mod-10 digits", () => {
    // The Caixa vector printed: 10492.00650 61000.100042 00997.263900 …
    expect(mod10("104920065")).toBe(0);
    expect(mod10("6100010004")).toBe(2);
    expect(mod10("0099726390")).toBe(0);
  });

  it("computes the barcode's mod-11 digit", () => {
    expect(mod11Barcode(caixa.barcode.slice(0, 4) + caixa.barcode.slice(5))).toBe(9);
    expect(mod11Barcode(bradesco.barcode.slice(0, 4) + bradesco.barcode.slice(5))).toBe(7);
  });

  it("turns a mod-11 result of 0, 10 or 11 into 1", () => {
    expect(mod11Barcode("0".repeat(43))).toBe(1); // 11 - 0 = 11
    expect(mod11Barcode("6")).toBe(1); // 6 × 2 = 12, 11 - 1 = 10
    expect(mod11Barcode("1")).toBe(9); // 1 × 2 = 2, 11 - 2 = 9
  });
});

describe("dueDateFactor", () => {
  it.each([
    ["2000-07-03", 1000],
    ["2022-05-10", 8981],
    ["2025-02-21", 9999],
    ["2025-02-22", 1000],
    ["2025-02-23", 1001],
  ])("gives %s factor %i", (date, factor) => {
    expect(dueDateFactor(new Date(`${date}T00:00:00Z`))).toBe(factor);
  });

  it("counts the calendar day, not the time", () => {
    expect(dueDateFactor(new Date("2025-02-22T23:59:59Z"))).toBe(1000);
  });

  it("refuses dates outside the factor cycles", () => {
    expect(() => dueDateFactor(new Date("2000-07-02T00:00:00Z"))).toThrow(RangeError);
    // 2025-02-22 + 8999 days is the last day of the second cycle.
    expect(dueDateFactor(new Date("2049-10-13T00:00:00Z"))).toBe(9999);
    expect(() => dueDateFactor(new Date("2049-10-14T00:00:00Z"))).toThrow(RangeError);
    expect(() => dueDateFactor(new Date("nope"))).toThrow(RangeError);
  });
});

describe("barcode and digitable line", () => {
  it.each(pairs)("converts $source barcode → line ($amount_cents cents)", (pair) => {
    expect(barcodeToDigitableLine(pair.barcode)).toBe(pair.digitable_line);
  });

  it.each(pairs)("converts $source line → barcode ($amount_cents cents)", (pair) => {
    expect(digitableLineToBarcode(pair.digitable_line)).toBe(pair.barcode);
  });

  it.each(pairs)("accepts the $source pair ($amount_cents cents)", (pair) => {
    expect(isValidBarcode(pair.barcode)).toBe(true);
    expect(isValidDigitableLine(pair.digitable_line)).toBe(true);
    expect(Number(pair.barcode.slice(9, 19))).toBe(pair.amount_cents);
  });

  it("reads the line as printed, with dots and spaces", () => {
    const printed = formatDigitableLine(caixa.digitable_line);
    expect(printed).toBe("10492.00650 61000.100042 00997.263900 9 89810000021403");
    expect(digitableLineToBarcode(printed)).toBe(caixa.barcode);
    expect(isValidDigitableLine(printed)).toBe(true);
  });

  it("catches a mistyped digit", () => {
    expect(isValidBarcode(replaceDigit(caixa.barcode, 30))).toBe(false);
    expect(isValidBarcode(replaceDigit(caixa.barcode, 4))).toBe(false);
    // Field 2, field 3, the amount (checked only by the barcode digit).
    expect(isValidDigitableLine(replaceDigit(caixa.digitable_line, 12))).toBe(false);
    expect(isValidDigitableLine(replaceDigit(caixa.digitable_line, 25))).toBe(false);
    expect(isValidDigitableLine(replaceDigit(caixa.digitable_line, 46))).toBe(false);
  });

  it("rejects the wrong length or non-digits", () => {
    expect(isValidBarcode(caixa.barcode.slice(1))).toBe(false);
    expect(isValidDigitableLine(caixa.digitable_line + "0")).toBe(false);
    expect(isValidBarcode(caixa.barcode.replace("1", "x"))).toBe(false);
    expect(() => barcodeToDigitableLine("123")).toThrow(RangeError);
  });
});

describe("buildBoleto", () => {
  it("rebuilds the Caixa vector from its parts", () => {
    const boleto = buildBoleto({
      bankCode: "104",
      amountCents: 21403,
      dueDate: new Date("2022-05-10T00:00:00Z"),
      freeField25: "2006561000100040099726390",
    });
    expect(boleto).toEqual({ barcode: caixa.barcode, digitableLine: caixa.digitable_line });
  });

  it("rebuilds the Bradesco vector, which has no due date", () => {
    const boleto = buildBoleto({
      bankCode: "237",
      amountCents: 0,
      dueDate: null,
      freeField25: "4150090019801673500021140",
    });
    expect(boleto).toEqual({ barcode: bradesco.barcode, digitableLine: bradesco.digitable_line });
  });

  it("builds a valid boleto after the factor reset", () => {
    const boleto = buildBoleto({
      bankCode: "001",
      amountCents: 1_234_56,
      dueDate: new Date("2026-11-27T12:00:00Z"),
      freeField25: "0000001234567000000000117",
    });
    expect(boleto.barcode).toHaveLength(44);
    expect(boleto.barcode.slice(0, 4)).toBe("0019");
    // 2025-02-22 is 1000; 2026-11-27 is 643 days later.
    expect(boleto.barcode.slice(5, 19)).toBe("1643" + "0000123456");
    expect(isValidBarcode(boleto.barcode)).toBe(true);
    expect(isValidDigitableLine(boleto.digitableLine)).toBe(true);
    expect(digitableLineToBarcode(boleto.digitableLine)).toBe(boleto.barcode);
  });

  it("refuses what does not fit the layout", () => {
    const base = { bankCode: "001", amountCents: 100, dueDate: null, freeField25: "0".repeat(25) };
    expect(() => buildBoleto({ ...base, bankCode: "1" })).toThrow(RangeError);
    expect(() => buildBoleto({ ...base, freeField25: "0".repeat(24) })).toThrow(RangeError);
    expect(() => buildBoleto({ ...base, amountCents: 10_000_000_000 })).toThrow(RangeError);
    expect(() => buildBoleto({ ...base, amountCents: 1.5 })).toThrow(RangeError);
    expect(() => buildBoleto({ ...base, amountCents: -1 })).toThrow(RangeError);
  });
});

describe("itfBarsSvg", () => {
  // The ITF table, written out independently of the module.
  const DIGITS: Record<string, string> = {
    nnwwn: "0", wnnnw: "1", nwnnw: "2", wwnnn: "3", nnwnw: "4",
    wnwnn: "5", nwwnn: "6", nnnww: "7", wnnwn: "8", nwnwn: "9",
  };

  function bars(svg: string): { x: number; width: number }[] {
    const group = /<g fill="#000">(.*)<\/g>/.exec(svg)?.[1] ?? "";
    return [...group.matchAll(/<rect x="(\d+)" y="0" width="(\d+)"/g)].map((m) => ({
      x: Number(m[1]),
      width: Number(m[2]),
    }));
  }

  /** Reads the bars back into digits, the way a scanner would. */
  function decode(svg: string): string {
    const found = bars(svg);
    const elements: number[] = [];
    found.forEach((bar, i) => {
      elements.push(bar.width);
      const next = found[i + 1];
      if (next) elements.push(next.x - bar.x - bar.width);
    });
    expect(elements.slice(0, 4)).toEqual([1, 1, 1, 1]);
    expect(elements.slice(-3)).toEqual([3, 1, 1]);
    const body = elements.slice(4, -3).map((w) => (w === 3 ? "w" : w === 1 ? "n" : "?"));
    let digits = "";
    for (let i = 0; i < body.length; i += 10) {
      const chunk = body.slice(i, i + 10);
      digits += DIGITS[chunk.filter((_, j) => j % 2 === 0).join("")] ?? "?";
      digits += DIGITS[chunk.filter((_, j) => j % 2 === 1).join("")] ?? "?";
    }
    return digits;
  }

  it("draws 2 start bars, 5 per digit pair… 114 bars for 44 digits", () => {
    expect(bars(itfBarsSvg(caixa.barcode))).toHaveLength(2 + 22 * 5 + 2);
  });

  it("spans 405 modules plus two 10-module quiet zones", () => {
    const svg = itfBarsSvg(caixa.barcode);
    // start 4 + 22 pairs × 18 + stop 5 = 405
    expect(svg).toContain('viewBox="0 0 425 54"');
    const last = bars(svg).at(-1)!;
    expect(last.x + last.width).toBe(415);
  });

  it.each(pairs)("encodes the $source barcode so it decodes back", (pair) => {
    expect(decode(itfBarsSvg(pair.barcode))).toBe(pair.barcode);
  });

  it("is an image with an accessible name", () => {
    const svg = itfBarsSvg(caixa.barcode, { label: "Código de barras <boleto>" });
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('aria-label="Código de barras &#60;boleto&#62;"');
    expect(itfBarsSvg(caixa.barcode)).toContain('aria-label="Boleto barcode"');
  });

  it("refuses anything but 44 digits", () => {
    expect(() => itfBarsSvg("123")).toThrow(RangeError);
  });
});
