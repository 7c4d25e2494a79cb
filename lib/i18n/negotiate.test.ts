import { describe, expect, it } from "vitest";
import { canonicalTag } from "./locales";
import { resolveLocale } from "./negotiate";

describe("resolveLocale", () => {
  it.each([
    ["fr", "pt-BR", "fr"],
    ["auto", "pt-BR,pt;q=0.9,en;q=0.8", "pt"],
    ["auto", "de-DE,es;q=0.5,fr;q=0.7", "fr"],
    ["auto", "de-DE", "en"],
    ["auto", null, "en"],
    ["auto", "fr;q=0,es", "es"],
    ["pt-BR", "en", "pt"],
    ["fr-CI", null, "fr"],
    ["es-419", "fr", "es"],
  ] as const)("session %s with Accept-Language %s is %s", (session, header, expected) => {
    expect(resolveLocale(session, header)).toBe(expected);
  });
});

describe("canonicalTag", () => {
  it.each([
    ["pt-BR", "pt-BR"],
    ["pt-br", "pt-BR"],
    ["FR-fr", "fr-FR"],
    ["es-419", "es-419"],
    ["en", "en"],
    ["zh-Hant-TW", null],
    ["de-DE", null],
    ["pt_BR", null],
    ["not a tag", null],
    ["", null],
  ])("%s is %s", (tag, expected) => {
    expect(canonicalTag(tag)).toBe(expected);
  });
});
