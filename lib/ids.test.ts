import { describe, expect, it } from "vitest";
import { looksLikeId, newId, randomBase62 } from "./ids";

describe("ids", () => {
  it("are base62 of the asked length, and never repeat across many refills of the random pool", () => {
    const ids = Array.from({ length: 5000 }, () => newId("event"));
    for (const id of ids) expect(looksLikeId(id, "evt_")).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(randomBase62(64)).toMatch(/^[0-9A-Za-z]{64}$/);
  });

  it("use every character of the alphabet about as often", () => {
    const counts = new Map<string, number>();
    for (const c of randomBase62(62_000)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    for (const n of counts.values()) expect(n).toBeGreaterThan(800);
  });
});
