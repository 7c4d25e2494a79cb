import { describe, expect, it } from "vitest";
import vectors from "./vectors.json";
import { isValidNuban, makeNuban, nubanCheckDigit } from "./nuban";

const { nuban } = vectors;

describe("NUBAN", () => {
  it.each(nuban.vectors)("makes $account_number from bank $bank_code serial $serial", (v) => {
    expect(makeNuban(v.bank_code, v.serial)).toBe(v.account_number);
    expect(nubanCheckDigit(v.bank_code, v.serial)).toBe(Number(v.account_number.at(-1)));
    expect(isValidNuban(v.bank_code, v.account_number)).toBe(true);
  });

  it("rejects every other check digit", () => {
    const v = nuban.vectors[0]!;
    const wrong = [...Array(10).keys()]
      .map((d) => v.serial + String(d))
      .filter((acct) => isValidNuban(v.bank_code, acct));
    expect(wrong).toEqual([v.account_number]);
  });

  it("ties the check digit to the bank code", () => {
    // Same serial, GTBank (058): 5*7 + 8*3 + 3 + 12 + 35 + 21 = 130, check 0.
    expect(isValidNuban("058", "0000014579")).toBe(false);
    expect(makeNuban("058", "000001457")).toBe("0000014570");
  });

  it("turns a check of 10 into 0", () => {
    // 011 + 000000022: weighted sum 7+3+2*7+2*3 = 30, so 10 - 0 = 10 → 0.
    expect(nubanCheckDigit("011", "000000022")).toBe(0);
  });

  it("rejects malformed input", () => {
    expect(isValidNuban("011", "000001457")).toBe(false);
    expect(isValidNuban("011", "00000145790")).toBe(false);
    expect(isValidNuban("11", "0000014579")).toBe(false);
    expect(isValidNuban("011", "000001457a")).toBe(false);
    expect(() => makeNuban("011", "1457")).toThrow(RangeError);
  });
});
