// lib/server/main.ts calls the app/api route handlers directly, outside Next.js's request
// pipeline (SPEC 7's performance; README "How a request flows"). That holds only while the
// routes ask nothing of that pipeline, and while the OpenAPI document describes exactly them.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { loadRoutes } from "./routes";

const ROOT = path.resolve(__dirname, "../..");
const APP = path.join(ROOT, "app");

/** Routes the document leaves out on purpose, and why. */
const UNDOCUMENTED: Record<string, string> = {
  "/api/v1/[...path]": "the 404 of every path no route serves",
  "/api/bench/echo": "the benchmark's reference handler, on only with KASSA_BENCH=1",
  "/api/v1/test/clock": "moves the test clock, on only with KASSA_TEST_CLOCK=1",
};

const toOpenApi = (pattern: string) => pattern.replace(/\[(\w+)\]/g, "{$1}");

describe("the production server's contract", () => {
  it("serves exactly the operations the OpenAPI document describes", async () => {
    const routes = await loadRoutes(APP, "api");
    const served = routes
      .filter((r) => !(r.pattern in UNDOCUMENTED))
      .flatMap((r) => Object.keys(r.handlers).map((m) => `${m} ${toOpenApi(r.pattern)}`))
      // A CORS preflight is the browser's question, not an operation a client calls.
      .filter((op) => !op.startsWith("OPTIONS "));
    const paths = openApiDocument("http://localhost:3000").paths as Record<string, Record<string, unknown>>;
    const documented = Object.entries(paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(served.sort()).toEqual(documented.sort());
    for (const pattern of Object.keys(UNDOCUMENTED)) expect(routes.map((r) => r.pattern)).toContain(pattern);
  });

  it("has no API route that needs Next.js's own pipeline", () => {
    const problems: string[] = [];
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    const files = [...walk(path.join(APP, "api")), ...walk(path.join(ROOT, "lib"))].filter(
      (f) => /\.tsx?$/.test(f) && !/\.test\.ts$/.test(f) && !f.includes(`${path.sep}lib${path.sep}server${path.sep}`),
    );
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      const rel = path.relative(ROOT, file);
      // Request-scoped stores that only exist inside Next.js's handler.
      if (/from\s+"next\/(headers|cache|navigation)"/.test(text)) problems.push(`${rel}: imports next/headers, next/cache or next/navigation`);
      if (/import\s*\{[^}]*\b(after|connection|unstable_\w+)\b[^}]*\}\s*from\s+"next\/server"/.test(text)) {
        problems.push(`${rel}: imports after/connection from next/server`);
      }
      // Segment config is read by Next.js's build, not by a direct call.
      if (rel.startsWith(`app${path.sep}api`) && /export\s+const\s+(dynamic|revalidate|runtime|fetchCache|preferredRegion|maxDuration|dynamicParams)\b/.test(text)) {
        problems.push(`${rel}: exports segment config`);
      }
    }
    expect(problems).toEqual([]);
  });
});
