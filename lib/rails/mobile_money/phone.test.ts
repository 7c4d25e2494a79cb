import { describe, expect, it } from "vitest";
import {
  EXAMPLE_PHONES,
  MOBILE_MONEY_CURRENCIES,
  displayPhone,
  examplePhone,
  MOBILE_MONEY_OPERATORS,
  findMobileMoneyOperator,
  mobileMoneyCountries,
  validateMobilePhone,
} from "./phone";

describe("validateMobilePhone", () => {
  it("accepts the 10-digit Côte d'Ivoire shape from the vectors", () => {
    expect(validateMobilePhone("+2250700000000", "CI")).toEqual({ valid: true, e164: "+2250700000000", country: "CI" });
  });

  it.each(["+2250712345678", "+2250512345678", "+2250112345678"])(
    "accepts Côte d'Ivoire's Orange, MTN and Moov prefixes: %s",
    (phone) => {
      expect(validateMobilePhone(phone, "CI").valid).toBe(true);
    },
  );

  it.each(["+22507000000", "+225070000000"])("rejects the old 8- or a 9-digit Côte d'Ivoire number %s", (phone) => {
    expect(validateMobilePhone(phone, "CI")).toEqual({ valid: false, reason: "invalid" });
  });

  it("accepts a Senegal mobile starting with 7 and rejects a Dakar landline", () => {
    expect(validateMobilePhone("+221771234567", "SN")).toMatchObject({ valid: true, e164: "+221771234567" });
    expect(validateMobilePhone("+221338211234", "SN")).toEqual({ valid: false, reason: "not_mobile" });
  });

  it("accepts a Nigerian 0803 mobile", () => {
    expect(validateMobilePhone("+2348031234567", "NG")).toMatchObject({ valid: true, country: "NG" });
  });

  it("normalises spaces and the national form to E.164", () => {
    expect(validateMobilePhone("+225 07 00 00 00 00", "CI")).toMatchObject({ e164: "+2250700000000" });
    expect(validateMobilePhone("0700000000", "CI")).toMatchObject({ e164: "+2250700000000" });
  });

  it("rejects a valid mobile from another country", () => {
    expect(validateMobilePhone("+221771234567", "CI")).toEqual({ valid: false, reason: "wrong_country" });
  });

  it("rejects text that is not a phone number", () => {
    expect(validateMobilePhone("call me", "CI")).toEqual({ valid: false, reason: "unparseable" });
  });

  it.each([
    ["+233241234567", "GH"],
    ["+254712345678", "KE"],
    ["+256772123456", "UG"],
    ["+250781234567", "RW"],
    ["+255712345678", "TZ"],
    ["+260971234567", "ZM"],
    ["+237671234567", "CM"],
  ] as const)("accepts %s in %s", (phone, country) => {
    expect(validateMobilePhone(phone, country)).toEqual({ valid: true, e164: phone, country });
  });
});

describe("MOBILE_MONEY_OPERATORS", () => {
  const ids = (country: keyof typeof MOBILE_MONEY_OPERATORS) =>
    MOBILE_MONEY_OPERATORS[country].operators.map((o) => o.id);

  it("offers Orange, MTN, Moov and Wave in Côte d'Ivoire", () => {
    expect(ids("CI")).toEqual(["orange", "mtn", "moov", "wave"]);
  });

  it("offers Orange, Free and Wave in Senegal", () => {
    expect(ids("SN")).toEqual(["orange", "free", "wave"]);
  });

  it("offers M-Pesa in Kenya and Tanzania only", () => {
    const withMpesa = Object.entries(MOBILE_MONEY_OPERATORS)
      .filter(([, c]) => c.operators.some((o) => o.id === "mpesa"))
      .map(([country]) => country);
    expect(withMpesa).toEqual(["KE", "TZ"]);
  });

  it("lists the countries per currency", () => {
    expect(mobileMoneyCountries("XOF")).toEqual(["CI", "SN", "BJ", "BF", "ML", "TG"]);
    expect(mobileMoneyCountries("XAF")).toEqual(["CM"]);
    expect(mobileMoneyCountries("GHS")).toEqual(["GH"]);
    expect(mobileMoneyCountries("NGN")).toEqual([]);
  });

  it("covers every mobile money currency of the spec", () => {
    const currencies = new Set(Object.values(MOBILE_MONEY_OPERATORS).map((c) => c.currency));
    expect([...currencies].sort()).toEqual([...MOBILE_MONEY_CURRENCIES].sort());
  });

  it("finds an operator only where the country has it", () => {
    expect(findMobileMoneyOperator("CI", "wave")?.name).toBe("Wave");
    expect(findMobileMoneyOperator("KE", "orange")).toBeUndefined();
    expect(findMobileMoneyOperator("NG", "mtn")).toBeUndefined();
    expect(findMobileMoneyOperator("toString", "mtn")).toBeUndefined();
  });
});

describe("displayPhone", () => {
  it("writes an E.164 number the way its country groups it", () => {
    expect(displayPhone("+2250707123456")).toBe("+225 07 07 12 3456");
    expect(displayPhone("+2348031234567")).toBe("+234 803 123 4567");
  });
  it("leaves what it cannot parse as it is", () => {
    expect(displayPhone("not a phone")).toBe("not a phone");
  });
});

describe("examplePhone", () => {
  it.each(MOBILE_MONEY_CURRENCIES)("%s: a valid mobile of a country paying in it, shown as the waiting page shows a typed number", (currency) => {
    const { country, e164 } = EXAMPLE_PHONES[currency];
    expect(MOBILE_MONEY_OPERATORS[country].currency).toBe(currency);
    expect(validateMobilePhone(e164, country)).toEqual({ valid: true, e164, country });
    const shown = examplePhone(currency);
    expect(shown).toBe(displayPhone(e164));
    // Typed as the hint shows it, the number comes back the same, and is shown the same.
    const typed = validateMobilePhone(shown, country);
    expect(typed).toEqual({ valid: true, e164, country });
    expect(displayPhone(typed.valid ? typed.e164 : "")).toBe(shown);
  });

  it("writes Côte d'Ivoire's and Kenya's as libphonenumber does, not as hand-written", () => {
    expect(examplePhone("XOF")).toBe("+225 07 07 12 3456");
    expect(examplePhone("KES")).toBe("+254 712 345678");
  });

  it("falls back to the XOF example for another currency, never to a prototype key", () => {
    expect(examplePhone("NGN")).toBe(examplePhone("XOF"));
    expect(examplePhone("__proto__")).toBe(examplePhone("XOF"));
  });
});
