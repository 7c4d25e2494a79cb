// lib/ is a one-way stack: a folder imports only from folders below it. This test reads the
// import lines of every source file and fails on an upward or sideways import, or on a folder
// that is not in the stack yet (add it where it belongs); and, file by file, on two files that
// import each other, however indirectly (type imports too). Tests themselves may import anything.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");

/** Top to bottom. A unit imports only units on a lower line; units on one line know nothing of each other. */
export const LAYERS: string[][] = [
  ["lib/server", "lib/cli", "lib/worker", "lib/bench", "lib/build"],
  ["lib/boot"],
  // The mail worker composes from the checkout's receipts; the boot and the worker start it.
  ["lib/api", "lib/mail"],
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

/** Each import of the project's own files: the importing file and the path it names (no extension). */
function fileImports(files: string[]): { file: string; target: string; line: string }[] {
  const out: { file: string; target: string; line: string }[] = [];
  for (const file of files) {
    const rel = path.relative(ROOT, file).split(path.sep).join("/");
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2]!;
      let target: string;
      if (spec.startsWith("@/")) target = spec.slice(2);
      else if (spec.startsWith(".")) target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec));
      else continue; // a package
      out.push({ file: rel, target, line: m[0].trim().split("\n").at(-1)! });
    }
  }
  return out;
}

function importEdges(files: string[]): Edge[] {
  return fileImports(files)
    .map((i) => ({ from: unitOf(i.file), to: unitOf(i.target), file: i.file, line: i.line }))
    .filter((e) => e.from !== e.to);
}

/** The file an import path names, as `rel` of the sources given; undefined for anything else. */
function resolveFile(target: string, known: Set<string>): string | undefined {
  const base = target.replace(SOURCE, "");
  return [".ts", ".tsx", ".mts", "/index.ts"].map((ext) => base + ext).find((f) => known.has(f)) ?? (known.has(target) ? target : undefined);
}

/** Every import cycle between files, each as the files it passes through (first one repeated at the end). */
export function importCycles(graph: Map<string, string[]>): string[][] {
  // Tarjan's strongly connected components: a component of two or more files (or a file that
  // imports itself) is a cycle; one path round it is reported.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.includes(v)) components.push(component);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return components.map((component) => {
    const inside = new Set(component);
    const start = [...component].sort()[0]!;
    // Breadth first from start, within the component, back to start: the shortest way round.
    const previous = new Map<string, string>();
    const queue = [start];
    while (queue.length) {
      const v = queue.shift()!;
      const next = (graph.get(v) ?? []).filter((w) => inside.has(w));
      if (next.includes(start)) {
        const cycle = [v];
        while (cycle[0] !== start) cycle.unshift(previous.get(cycle[0]!)!);
        return [...cycle, start];
      }
      for (const w of next) if (!previous.has(w) && w !== start) previous.set(w, v), queue.push(w);
    }
    return [start, start];
  });
}

function importGraph(files: string[]): Map<string, string[]> {
  const rels = files.map((f) => path.relative(ROOT, f).split(path.sep).join("/"));
  const known = new Set(rels);
  const graph = new Map<string, string[]>(rels.map((r) => [r, []]));
  for (const i of fileImports(files)) {
    const to = resolveFile(i.target, known);
    if (to && !graph.get(i.file)!.includes(to)) graph.get(i.file)!.push(to);
  }
  return graph;
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
  const files = [...sources(path.join(ROOT, "lib")), ...sources(path.join(ROOT, "db"))];
  const edges = importEdges(files);

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

  it("has no import cycle between files of lib and db, type imports included", () => {
    const graph = importGraph(files);
    expect([...graph.values()].flat().length).toBeGreaterThan(200);
    expect(importCycles(graph).map((c) => c.join(" → "))).toEqual([]);
  });

  it("finds a cycle however long, and only cycles", () => {
    const graph = new Map([
      ["db/a.ts", ["db/b.ts"]],
      ["db/b.ts", ["db/c.ts", "db/d.ts"]],
      ["db/c.ts", ["db/a.ts"]],
      ["db/d.ts", []],
      ["db/e.ts", ["db/e.ts"]],
    ]);
    expect(importCycles(graph)).toEqual([
      ["db/a.ts", "db/b.ts", "db/c.ts", "db/a.ts"],
      ["db/e.ts", "db/e.ts"],
    ]);
  });

  it("keeps the UI primitives free of the domain", () => {
    const ui = importEdges(sources(path.join(ROOT, "components/ui")));
    expect(ui.filter((e) => e.to !== "components")).toEqual([]);
  });
});
