import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export type Route = {
  /** The file's route, e.g. `/api/v1/checkout/[id]/pay` or `/checkout/[id]`. */
  pattern: string;
  segments: string[];
  handlers: Partial<Record<string, RouteHandler>>;
};

export const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Every `route.ts` or `route.tsx` under `dir` (e.g. `app/api/v1`), as the App Router would name its path. */
export function findRouteFiles(appDir: string, under: string): { file: string; pattern: string }[] {
  const out: { file: string; pattern: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts" || entry.name === "route.tsx") {
        const rel = path.relative(appDir, path.dirname(full)).split(path.sep).join("/");
        out.push({ file: full, pattern: `/${rel}` });
      }
    }
  };
  walk(path.join(appDir, under));
  return out;
}

/** Static segments win over `[param]`, and `[...rest]` comes last, as in the App Router. */
function rank(segments: string[]): number[] {
  return segments.map((s) => (s.startsWith("[...") ? 2 : s.startsWith("[") ? 1 : 0));
}

function compare(a: Route, b: Route): number {
  const ra = rank(a.segments);
  const rb = rank(b.segments);
  for (let i = 0; i < Math.max(ra.length, rb.length); i++) {
    const x = ra[i] ?? -1;
    const y = rb[i] ?? -1;
    if (x !== y) return x - y;
  }
  return 0;
}

export function sortRoutes(routes: Route[]): Route[] {
  return [...routes].sort(compare);
}

export function toRoute(pattern: string, handlers: Route["handlers"] = {}): Route {
  return { pattern, segments: pattern.split("/").filter(Boolean), handlers };
}

export async function loadRoutes(appDir: string, under: string): Promise<Route[]> {
  const routes: Route[] = [];
  for (const { file, pattern } of findRouteFiles(appDir, under)) {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const handlers: Route["handlers"] = {};
    for (const m of METHODS) if (typeof mod[m] === "function") handlers[m] = mod[m] as RouteHandler;
    routes.push(toRoute(pattern, handlers));
  }
  return sortRoutes(routes);
}

/** The first route whose segments match the path, with its params (decoded), or null. */
export function matchRoute(routes: Route[], pathname: string): { route: Route; params: Record<string, string | string[]> } | null {
  let parts: string[];
  try {
    parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return null; // a malformed escape: the server answers it with a 400
  }
  for (const route of routes) {
    const params: Record<string, string | string[]> = {};
    let ok = true;
    for (let i = 0; i < route.segments.length; i++) {
      const seg = route.segments[i]!;
      if (seg.startsWith("[...")) {
        const rest = parts.slice(i);
        if (rest.length === 0) ok = false;
        else params[seg.slice(4, -1)] = rest;
        break;
      }
      const part = parts[i];
      if (part === undefined) {
        ok = false;
        break;
      }
      if (seg.startsWith("[")) params[seg.slice(1, -1)] = part;
      else if (seg !== part) {
        ok = false;
        break;
      }
    }
    const last = route.segments.at(-1) ?? "";
    if (ok && (last.startsWith("[...") || parts.length === route.segments.length)) return { route, params };
  }
  return null;
}
