// Each rail's words (lib/rails/<rail>/copy.ts) meet the rules lib/i18n/messages.test.ts holds the
// page's own to: every locale has every English string, with the same placeholders, translated.
import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { bankAccountCopy } from "./bank-account-copy";
import { bankSelectCopy } from "./bank-select-copy";
import { RAIL_MODULES, RAILS } from ".";

function leaves(obj: unknown, prefix = ""): [string, string][] {
  if (typeof obj === "string") return [[prefix, obj]];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const COPIES: [string, Record<Locale, unknown>][] = [
  ...RAILS.map((rail) => [rail, RAIL_MODULES[rail].copy] as [string, Record<Locale, unknown>]),
  ["bank-account", bankAccountCopy],
  ["bank-select", bankSelectCopy],
];
const OTHERS = LOCALES.filter((l) => l !== "en");

describe.each(COPIES)("%s's copy", (_name, copy) => {
  const en = new Map(leaves(copy.en));

  it.each(OTHERS)("in %s has every English string, with the same placeholders", (locale) => {
    const other = new Map(leaves(copy[locale]));
    expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of other) {
      expect(placeholders(text), `${locale}.${key}`).toEqual(placeholders(en.get(key)!));
      if (en.get(key) !== "") expect(text, `${locale}.${key}`).not.toBe("");
    }
  });

  // A rail's name may be the same word everywhere (Pix, USSD, Boleto); the rest is translated.
  it.each(OTHERS)("in %s is translated rather than copied from English", (locale) => {
    const same = leaves(copy[locale]).filter(([k, v]) => k !== "name" && v === en.get(k) && /[a-z]{4}/i.test(v.replace(/\{\w+\}/g, "")));
    expect(same).toEqual([]);
  });
});
