import { describe, expect, it } from "vitest";
import vectors from "./vectors.json";
import { NIGERIAN_BANKS, findNigerianBank } from "./ng-banks";

const { nuban } = vectors;

describe("NIGERIAN_BANKS", () => {
  it("has every bank code from the vectors", () => {
    const codes = Object.fromEntries(NIGERIAN_BANKS.map((b) => [b.id, b.code]));
    expect(codes).toEqual(nuban.bank_codes);
  });

  it("has every USSD short code from the vectors", () => {
    const ussd = Object.fromEntries(NIGERIAN_BANKS.map((b) => [b.id, b.ussd]));
    expect(ussd).toEqual(nuban.ussd_short_codes);
  });

  it("has unique ids and codes", () => {
    expect(new Set(NIGERIAN_BANKS.map((b) => b.id)).size).toBe(NIGERIAN_BANKS.length);
    expect(new Set(NIGERIAN_BANKS.map((b) => b.code)).size).toBe(NIGERIAN_BANKS.length);
  });

  it("finds a bank by id or code", () => {
    expect(findNigerianBank("gtbank")?.name).toBe("Guaranty Trust Bank");
    expect(findNigerianBank("057")?.name).toBe("Zenith Bank");
    expect(findNigerianBank("999")).toBeUndefined();
  });
});
