import { describe, expect, it } from "vitest";
import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { AS_TYPED, FIELD_CHECKS } from "./browser";
import { boleto } from "./boleto/browser";
import { card } from "./card/browser";
import { directDebit } from "./direct_debit/browser";
import { mobileMoney } from "./mobile_money/browser";
import { virtualAccount } from "./virtual_account/browser";
import { isRail, NEXT_ACTIONS, PAY_FIELDS, RAIL_ERRORS, RAIL_MODULES, RAILS, railErrorCopy, railName, railServes } from ".";

const modules = RAILS.map((r) => RAIL_MODULES[r]);

describe("the rail registry", () => {
  it("lists every rail once, under its own id, in the API's order", () => {
    expect(RAILS).toEqual(["card", "transfer", "virtual_account", "ussd", "direct_debit", "pix", "boleto", "mobile_money"]);
    for (const rail of RAILS) expect(RAIL_MODULES[rail].id).toBe(rail);
    expect(isRail("card")).toBe(true);
    expect(isRail("toString")).toBe(false);
  });

  it("knows which currencies each rail takes", () => {
    expect(railServes("card", "JPY")).toBe(true);
    expect(railServes("pix", "BRL")).toBe(true);
    expect(railServes("pix", "NGN")).toBe(false);
    expect(RAILS.filter((r) => railServes(r, "XOF"))).toEqual(["card", "mobile_money"]);
  });

  // The registry merges what rails declare alike; a rail that declared a shared name its own
  // way would silently change another rail's field, message or words.
  it("merges only what the rails that share a field or an error code declare alike", () => {
    for (const m of modules) {
      for (const [field, schema] of Object.entries(m.fields)) {
        expect(z.toJSONSchema(schema as z.ZodType, { io: "input" }), `${m.id}.${field}`).toEqual(
          z.toJSONSchema(PAY_FIELDS[field as keyof typeof PAY_FIELDS] as z.ZodType, { io: "input" }),
        );
      }
      for (const [code, message] of Object.entries(m.errors)) {
        expect(message, `${m.id}: ${code}`).toBe(RAIL_ERRORS[code as keyof typeof RAIL_ERRORS]);
        for (const locale of LOCALES) {
          expect((m.copy[locale].errors as Record<string, string>)[code], `${m.id}: ${locale} ${code}`).toBe(railErrorCopy(locale)[code as keyof typeof RAIL_ERRORS]);
        }
      }
    }
  });

  it("has each next action once, told apart by its type", () => {
    const types = NEXT_ACTIONS.map((s) => s.shape.type.value);
    expect(new Set(types).size).toBe(types.length);
    expect(types.sort()).toEqual(["approve_on_phone", "await_debit", "bank_transfer", "boleto", "pix", "redirect_to_url", "three_d_secure", "ussd"]);
  });

  it("names every rail in every locale", () => {
    expect(railName("transfer", "fr")).toBe("Virement bancaire");
    for (const locale of LOCALES) for (const rail of RAILS) expect(railName(rail, locale)).not.toBe("");
  });
});

describe("the page's field checks", () => {
  const form = (values: Record<string, string> = {}, data: Record<string, string> = {}) => ({
    value: (name: string) => values[name] ?? "",
    checked: () => false,
    data: (name: string, key: string) => data[`${name}.${key}`],
  });
  const today = new Date("2026-06-15T12:00:00Z");
  const run = (name: string, value: string, f = form(), checked = false) => FIELD_CHECKS[name]!({ value, checked }, f, today);

  it("gathers every rail's checks, none under another rail's name", () => {
    const names = [card, virtualAccount, directDebit, boleto, mobileMoney].flatMap((r) => Object.keys(r.checks));
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(FIELD_CHECKS).sort()).toEqual([...names].sort());
  });

  it("answers with the codes the rails' server checks use", () => {
    const codes = [
      run("card-number", "4242424242424241"),
      run("card-exp", "13/30"),
      run("card-exp", "01/20"),
      run("card-cvc", "12", form({ number: "4242424242424242" })),
      run("email", ""),
      run("email", "ada@"),
      run("nuban", "0123456786", form({}, { "bank.code": "058" })),
      run("consent", "on"),
      run("document", "529.982.247-24"),
      run("phone", "12"),
    ];
    expect(codes).toEqual([
      "card_number_invalid",
      "card_expiry_invalid",
      "card_expired",
      "card_cvc_invalid",
      "email_required",
      "email_invalid",
      "account_number_invalid",
      "mandate_consent_required",
      "document_invalid",
      "phone_invalid",
    ]);
    for (const code of codes) expect(Object.keys(RAIL_ERRORS)).toContain(code);
  });

  it("lets good values through", () => {
    expect(run("card-number", "4242 4242 4242 4242")).toBeNull();
    expect(run("card-exp", "12 / 30")).toBeNull();
    expect(run("nuban", "0123456785", form({}, { "bank.code": "058" }))).toBeNull();
    expect(run("nuban", "0123456785")).toBeNull(); // no bank chosen yet: that field says so
    expect(run("consent", "on", form(), true)).toBeNull();
    expect(run("document", "11.222.333/0001-81")).toBeNull();
    expect(run("phone", "+225 07 07 12 34 56")).toBeNull();
  });

  it("formats a card number as it is typed and names its brand", () => {
    expect(AS_TYPED["card-number"]!.format!("4242424242424242")).toBe("4242 4242 4242 4242");
    expect(AS_TYPED["card-number"]!.badge!("5555 5555")).toBe("Mastercard");
  });
});
