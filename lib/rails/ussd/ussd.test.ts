import { describe, expect, it } from "vitest";
import vectors from "../vectors.json";
import { NIGERIAN_BANKS } from "../ng-banks";
import { railTakes } from "..";
import { isWholeNaira, nairaFromKobo, telHref, ussdDialString } from "./ussd";

const [gtbankExample, , fcmbExample] = vectors.nuban.ussd_dial_string_examples;

describe("ussdDialString", () => {
  it("builds GTBank's amount-then-reference shape", () => {
    expect(ussdDialString("gtbank", 4, "18791")).toBe(gtbankExample);
  });

  it("builds the reference shape for FCMB", () => {
    expect(ussdDialString("fcmb", 2500, "3668")).toBe(fcmbExample);
  });

  it.each(NIGERIAN_BANKS.map((b) => [b.id, b.ussd] as const))(
    "starts %s's string with its short code %s",
    (id, ussd) => {
      const dial = ussdDialString(id, 1500, "123456");
      expect(dial.startsWith(ussd.slice(0, -1) + "*")).toBe(true);
      expect(dial.endsWith("*123456#")).toBe(true);
      expect(dial).toMatch(/^\*[\d*]+#$/);
    },
  );

  it("uses the bank's own short code, not another's", () => {
    expect(ussdDialString("zenith", 1500, "42")).toBe("*966*000*42#");
    expect(ussdDialString("access", 1500, "42")).toBe("*901*000*42#");
  });

  it("rejects what a keypad cannot dial or a bank cannot charge", () => {
    expect(() => ussdDialString("gtbank", 10, "12#4")).toThrow(RangeError);
    expect(() => ussdDialString("gtbank", 10, "")).toThrow(RangeError);
    expect(() => ussdDialString("gtbank", 10.5, "1")).toThrow(RangeError);
    expect(() => ussdDialString("gtbank", 0, "1")).toThrow(RangeError);
    expect(() => ussdDialString("058", 10, "1")).toThrow(/unknown bank/);
  });
});

describe("nairaFromKobo", () => {
  it("converts whole naira exactly", () => {
    expect(nairaFromKobo(250_000)).toBe(2500);
    expect(nairaFromKobo(100)).toBe(1);
  });

  it("never rounds: ₦26,500.50 is not an amount USSD can ask for", () => {
    expect(isWholeNaira(2_650_050)).toBe(false);
    expect(() => nairaFromKobo(2_650_050)).toThrow(RangeError);
    expect(() => nairaFromKobo(1)).toThrow(RangeError);
  });

  it("rejects non-positive or fractional kobo", () => {
    expect(() => nairaFromKobo(0)).toThrow(RangeError);
    expect(() => nairaFromKobo(1.5)).toThrow(RangeError);
  });
});

describe("the ussd rail", () => {
  it("is offered for whole naira only", () => {
    expect(railTakes("ussd", "NGN", 2_650_000)).toBe(true);
    expect(railTakes("ussd", "NGN", 2_650_050)).toBe(false);
    expect(railTakes("transfer", "NGN", 2_650_050)).toBe(true);
    expect(railTakes("ussd", "XOF", 5000)).toBe(false);
  });
});

describe("telHref", () => {
  it("percent-encodes every #", () => {
    expect(telHref("*737*33*4*18791#")).toBe("tel:*737*33*4*18791%23");
    expect(telHref("*737#*1#")).toBe("tel:*737%23*1%23");
  });

  it("rejects anything but digits, * and #", () => {
    expect(() => telHref("*737#<script>")).toThrow(RangeError);
  });
});
