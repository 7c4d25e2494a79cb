import path from "node:path";
import { describe, expect, it } from "vitest";
import { findRouteFiles } from "@/lib/server/routes";
import { guardsItself } from "./page-guard";

describe("the routes that guard themselves", () => {
  it("are every route under app/checkout", () => {
    const paths = findRouteFiles(path.resolve(__dirname, "../../app"), "checkout").map((r) => r.pattern.replace("[id]", "cs_test_a1B2"));
    expect(paths).toContain("/checkout/cs_test_a1B2");
    expect(paths).toContain("/checkout/cs_test_a1B2/3ds");
    for (const p of paths) expect(guardsItself(p), p).toBe(true);
  });

  it("leave every other path, and one that does not decode, to the proxy", () => {
    for (const p of ["/", "/demo", "/checkout", "/checkout/", "/checkout/cs_test_a1B2/nope", "/checkout/cs_test_a1B2/pay/x", "/checkout/%FF", "/checkout/%E2%82/pay"]) {
      expect(guardsItself(p), p).toBe(false);
    }
    expect(guardsItself("/checkout/cs_live_%27%3B")).toBe(true);
  });
});
