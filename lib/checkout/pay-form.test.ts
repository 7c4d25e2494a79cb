import { describe, expect, it } from "vitest";
import { splitExpiry } from "@/lib/rails/card/card";
import { decodeErrors, encodeErrors, formToPayInput } from "./pay-form";

describe("the page's payment form", () => {
  it("turns card fields into the pay API's input", () => {
    const fd = new FormData();
    fd.set("rail", "card");
    fd.set("number", "4242 4242 4242 4242");
    fd.set("exp", "12 / 28");
    fd.set("cvc", "123");
    fd.set("name", "  ");
    expect(formToPayInput(fd)).toEqual({ rail: "card", card: { number: "4242 4242 4242 4242", cvc: "123", expMonth: "12", expYear: "28" } });
  });

  it.each([
    ["12/28", "12", "28"],
    ["1/2030", "1", "2030"],
    ["0128", "01", "28"],
    ["garbage", "", ""],
  ])("splits the expiry %s", (text, expMonth, expYear) => {
    expect(splitExpiry(text)).toEqual({ expMonth, expYear });
  });

  it("reads a ticked mandate box as consent", () => {
    const fd = new FormData();
    fd.set("rail", "direct_debit");
    fd.set("mandateConsent", "on");
    expect(formToPayInput(fd)).toMatchObject({ mandateConsent: true });
  });

  it("carries error codes, never values, and ignores anything it does not know", () => {
    const text = encodeErrors([
      { path: ["card", "number"], code: "card_number_invalid", message: "" },
      { path: ["card", "expMonth"], code: "card_expired", message: "" },
      { path: ["card", "expYear"], code: "too_small", message: "" },
      { path: ["email"], code: "invalid_format", message: "" },
    ]);
    expect(text).toBe("number:card_number_invalid,exp:card_expired,email:invalid");
    expect(decodeErrors(`${text},evil:<script>,cvc:nope`)).toEqual({ number: "card_number_invalid", exp: "card_expired", email: "invalid" });
  });

  it("ignores codes that are only on the prototype chain", () => {
    expect(decodeErrors("number:__proto__,cvc:constructor,email:toString,__proto__:invalid")).toEqual({});
    expect(encodeErrors([{ path: ["email"], code: "__proto__", message: "" }])).toBe("email:invalid");
  });
});
