// lib/ is a one-way stack: a folder imports only from folders below it. This test reads the
// import lines of every source file and fails on an upward or sideways import, or on a folder
// that is not in the stack yet (add it where it belongs). Tests themselves may import anything.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");

/** Top to bottom. A unit imports only units on a lower line; units on one line know nothing of each other. */
export const LAYERS: string[][] = [
  ["lib/server", "lib/cli", "lib/worker", "lib/bench", "lib/build"],
  ["lib/boot"],
  ["lib/api"],
  ["lib/checkout", "lib/webhooks"],
  ["lib/providers", "lib/events", "lib/merchants"],
  ["lib/security"],
  ["lib/db"],
  // The tables type their JSON and array columns with the shapes the rails produce.
  ["db"],
  ["lib/rails"],
  ["lib/money", "lib/i18n"],
  ["lib/clock", "lib/log"],
  ["lib/env", "lib/ids", "lib/errors", "lib/process-state"],
];

/** Outside the stack: what a unit may import beyond it, and why. */
const EXTERNAL: Record<string, string[]> = {
  // The benchmark starts servers and fresh databases the way the test suite does.
  "lib/bench": ["e2e"],
};

type Edge = { from: string; to: string; file: string; line: string };

const SOURCE = /\.(ts|tsx|mts)$/;
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)/g;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(full));
    else if (SOURCE.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** `lib/checkout/x.ts` → `lib/checkout`; `lib/env.ts` → `lib/env`; `db/queries/x.ts` → `db`. */
export function unitOf(rel: string): string {
  const parts = rel.split("/");
  if (parts[0] !== "lib") return parts[0]!;
  return parts.length === 2 ? `lib/${parts[1]!.replace(SOURCE, "")}` : `lib/${parts[1]}`;
}

function importEdges(files: string[]): Edge[] {
  const edges: Edge[] = [];
  for (const file of files) {
    const rel = path.relative(ROOT, file).split(path.sep).join("/");
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2]!;
      let target: string;
      if (spec.startsWith("@/")) target = spec.slice(2);
      else if (spec.startsWith(".")) target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec));
      else continue; // a package
      const from = unitOf(rel);
      const to = unitOf(target);
      if (from !== to) edges.push({ from, to, file: rel, line: m[0].trim().split("\n").at(-1)! });
    }
  }
  return edges;
}

export function layerViolations(edges: Edge[], layers = LAYERS): string[] {
  const level = new Map(layers.flatMap((units, i) => units.map((u) => [u, layers.length - i] as const)));
  const problems: string[] = [];
  for (const e of edges) {
    const from = level.get(e.from);
    const to = level.get(e.to);
    if (from === undefined) problems.push(`${e.file}: ${e.from} is not in LAYERS`);
    else if (to === undefined) {
      if (!EXTERNAL[e.from]?.includes(e.to)) problems.push(`${e.file}: ${e.from} imports ${e.to}, outside the stack (${e.line})`);
    } else if (to >= from) problems.push(`${e.file}: ${e.from} imports ${e.to}, ${to > from ? "above" : "beside"} it (${e.line})`);
  }
  return problems;
}

describe("the lib stack", () => {
  const edges = importEdges([...sources(path.join(ROOT, "lib")), ...sources(path.join(ROOT, "db"))]);

  it("has no upward or sideways import between lib's folders and db", () => {
    expect(edges.length).toBeGreaterThan(100);
    expect(layerViolations(edges)).toEqual([]);
  });

  it("refuses a new upward import", () => {
    const upward = { from: "lib/rails", to: "lib/checkout", file: "lib/rails/pix.ts", line: 'import { x } from "@/lib/checkout/y"' };
    const sideways = { from: "lib/checkout", to: "lib/webhooks", file: "lib/checkout/a.ts", line: "" };
    const unknown = { from: "lib/new-folder", to: "lib/env", file: "lib/new-folder/a.ts", line: "" };
    expect(layerViolations([upward, sideways, unknown])).toEqual([
      `lib/rails/pix.ts: lib/rails imports lib/checkout, above it (${upward.line})`,
      "lib/checkout/a.ts: lib/checkout imports lib/webhooks, beside it ()",
      "lib/new-folder/a.ts: lib/new-folder is not in LAYERS",
    ]);
  });

  it("keeps the UI primitives free of the domain", () => {
    const ui = importEdges(sources(path.join(ROOT, "components/ui")));
    expect(ui.filter((e) => e.to !== "components")).toEqual([]);
  });
});
