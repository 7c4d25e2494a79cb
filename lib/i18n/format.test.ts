import { describe, expect, it } from "vitest";
import { formatDateTime, formatDay, formatWhen } from "./format";

describe("dates for the buyer", () => {
  it("shows the currency's home time zone and names it", () => {
    const d = new Date("2026-06-15T12:00:00Z");
    expect(formatDateTime(d, "en", "NGN")).toMatch(/Jun 15, 2026.*01:00 PM.*GMT\+1/);
    expect(formatDateTime(d, "pt", "BRL")).toMatch(/15 de jun\.? de 2026.*09:00.*BRT|GMT-3/);
    expect(formatDateTime(d, "fr", "USD")).toMatch(/15 juin 2026.*12:00.*UTC/);
  });

  it("writes a calendar day out", () => {
    expect(formatDay("2026-06-18", "es")).toBe("18 de junio de 2026");
  });

  it("says a moment as a sentence needs it after on / le / em / el", () => {
    const d = new Date("2026-12-02T13:30:00Z");
    expect(formatWhen(d, "en", "NGN")).toBe("2 Dec at 14:30 GMT+1");
    expect(formatWhen(d, "fr", "XOF")).toBe("2 déc. à 13:30 UTC+0");
    expect(formatWhen(d, "pt", "BRL")).toBe("2 de dez. às 10:30 BRT");
    expect(formatWhen(d, "es", "BRL")).toMatch(/^2 dic\.? a las 10:30 GMT-3$/);
  });

  it("gives one o'clock its singular article in Portuguese and Spanish", () => {
    const d = new Date("2026-12-02T04:05:00Z"); // 01:05 in São Paulo
    expect(formatWhen(d, "pt", "BRL")).toBe("2 de dez. à 01:05 BRT");
    expect(formatWhen(d, "es", "BRL")).toMatch(/a la 01:05/);
  });
});
