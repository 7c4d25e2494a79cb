import { describe, expect, it } from "vitest";
import { MESSAGES } from "./messages";

function leaves(obj: unknown, prefix = ""): [string, string][] {
  if (typeof obj === "string") return [[prefix, obj]];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("locales", () => {
  const en = new Map(leaves(MESSAGES.en));
  it.each(["fr", "pt", "es"] as const)("%s has every English string, with the same placeholders", (locale) => {
    const other = new Map(leaves(MESSAGES[locale]));
    expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of other) {
      expect(placeholders(text), `${locale}.${key}`).toEqual(placeholders(en.get(key)!));
      if (en.get(key) !== "") expect(text, `${locale}.${key}`).not.toBe("");
    }
  });

  it.each(["fr", "pt", "es"] as const)("%s translates the payment page rather than copying English", (locale) => {
    const other = new Map(leaves(MESSAGES[locale]));
    const same = [...other].filter(([k, v]) => (k.startsWith("pay.") || k.startsWith("pending.")) && v === en.get(k) && /[a-z]{4}/i.test(v.replace(/\{\w+\}/g, "")));
    expect(same).toEqual([]);
  });
});
