import path from "node:path";
import { describe, expect, it } from "vitest";
import { findRouteFiles, matchRoute, sortRoutes, toRoute } from "./routes";

const APP = path.resolve(__dirname, "../../app");
// The API's real route files, matched the way the App Router matches them.
const routes = sortRoutes(findRouteFiles(APP, "api/v1").map(({ pattern }) => toRoute(pattern)));

describe("API route matching", () => {
  it.each([
    ["/api/v1/checkout/sessions", "/api/v1/checkout/sessions", {}],
    ["/api/v1/checkout/sessions/cs_test_abc", "/api/v1/checkout/sessions/[id]", { id: "cs_test_abc" }],
    ["/api/v1/checkout/sessions/cs_test_abc/cancel", "/api/v1/checkout/sessions/[id]/cancel", { id: "cs_test_abc" }],
    ["/api/v1/checkout/cs_test_abc", "/api/v1/checkout/[id]", { id: "cs_test_abc" }],
    ["/api/v1/checkout/cs_test_abc/pay", "/api/v1/checkout/[id]/pay", { id: "cs_test_abc" }],
    ["/api/v1/openapi.json", "/api/v1/openapi.json", {}],
    ["/api/v1/events/evt_1/resend", "/api/v1/events/[id]/resend", { id: "evt_1" }],
    ["/api/v1/checkout/sessions/a%20b", "/api/v1/checkout/sessions/[id]", { id: "a b" }],
    ["/api/v1/nothing/here", "/api/v1/[...path]", { path: ["nothing", "here"] }],
    ["/api/v1/checkout/sessions/x/cancel/more", "/api/v1/[...path]", { path: ["checkout", "sessions", "x", "cancel", "more"] }],
  ])("%s is %s", (url, pattern, params) => {
    const found = matchRoute(routes, url);
    expect(found?.route.pattern).toBe(pattern);
    expect(found?.params).toEqual(params);
  });

  it("finds no route for a malformed escape, nor for paths outside the API", () => {
    expect(matchRoute(routes, "/api/v1/checkout/%E0%A4%A")).toBeNull();
    expect(matchRoute(routes, "/api/v1")).toBeNull();
    expect(matchRoute(routes, "/checkout/cs_test_abc")).toBeNull();
  });
});
