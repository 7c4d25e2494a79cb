import { describe, expect, it } from "vitest";
import { formatDateTime, formatDay } from "./format";

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
});
