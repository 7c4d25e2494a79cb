import { describe, expect, it } from "vitest";
import { asJsonb } from "./jsonb";

describe("asJsonb", () => {
  it("orders keys as PostgreSQL's jsonb does: by length in bytes, then byte by byte, at every depth", () => {
    // What PostgreSQL 15 answers for this value cast to jsonb.
    const value = asJsonb({ bb: 1, a: 2, é: 3, c: 4, Z: 5, aa: { y: 1, x: [{ q: 1, p: 2 }] } });
    expect(JSON.stringify(value)).toBe('{"Z":5,"a":2,"c":4,"aa":{"x":[{"p":2,"q":1}],"y":1},"bb":1,"é":3}');
  });

  it("keeps scalars, nulls and a __proto__ key as they are", () => {
    expect(asJsonb(null)).toBeNull();
    expect(asJsonb("x")).toBe("x");
    const value = asJsonb(JSON.parse('{"__proto__": {"polluted": true}, "a": 1}'));
    expect(Object.keys(value)).toEqual(["a", "__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
