import { describe, expect, it } from "vitest";
import { resolveLocale } from "./negotiate";

describe("resolveLocale", () => {
  it.each([
    ["fr", "pt-BR", "fr"],
    ["auto", "pt-BR,pt;q=0.9,en;q=0.8", "pt"],
    ["auto", "de-DE,es;q=0.5,fr;q=0.7", "fr"],
    ["auto", "de-DE", "en"],
    ["auto", null, "en"],
    ["auto", "fr;q=0,es", "es"],
  ] as const)("session %s with Accept-Language %s is %s", (session, header, expected) => {
    expect(resolveLocale(session, header)).toBe(expected);
  });
});
