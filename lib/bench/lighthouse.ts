// Lighthouse (the npm package, 12.x for Node 20) on a page, in Debian's Chromium, with the
// default config: mobile form factor, simulated throttling (Moto G Power, slow 4G).
import fs from "node:fs";
import type { Flags, Result } from "lighthouse";

// The README's CHROMIUM_PATH names another Chromium, as for the browser tests.
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

export type FailingAudit = {
  id: string;
  title: string;
  score: number | null;
  displayValue?: string;
  /** Up to five elements or resources the audit names (selector, snippet or URL). */
  items?: string[];
};

export type LighthouseFigures = {
  url: string;
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  fcpMs: number;
  serverResponseMs: number;
  /** Lighthouse's CPU benchmark of this machine at the time (a loaded machine scores low). */
  benchmarkIndex: number;
  warnings: string[];
  /** Performance audits that score below 0.9, accessibility audits below 1. */
  failing: { performance: FailingAudit[]; accessibility: FailingAudit[] };
};

/** What an audit points at, shortened: the element, the resource, or the kind of work. */
function itemsOf(audit: Result["audits"][string]): string[] | undefined {
  const details = audit.details as { items?: Record<string, unknown>[] } | undefined;
  const items = (details?.items ?? []).flatMap((item) => {
    const node = item.node as { selector?: string; snippet?: string; explanation?: string } | undefined;
    if (node) return [[node.selector, node.snippet, node.explanation?.replace(/\s+/g, " ")].filter(Boolean).join("  ").slice(0, 400)];
    if (typeof item.url === "string") {
      const n = (k: string) => (typeof item[k] === "number" ? (item[k] as number) : undefined);
      const extra = [
        n("wastedBytes") !== undefined ? `${Math.round(n("wastedBytes")! / 1024)} KiB to save` : "",
        n("wastedMs") !== undefined ? `${Math.round(n("wastedMs")!)} ms to save` : "",
        n("total") !== undefined ? `${Math.round(n("total")!)} ms of CPU` : "",
      ].filter(Boolean);
      return [item.url + (extra.length ? ` (${extra.join(", ")})` : "")];
    }
    if (typeof item.groupLabel === "string" && typeof item.duration === "number") return [`${item.groupLabel}: ${Math.round(item.duration)} ms`];
    return [];
  });
  return items.length ? items.slice(0, 5) : undefined;
}

function failing(lhr: Result, category: "performance" | "accessibility", below: number): FailingAudit[] {
  return lhr.categories[category]!.auditRefs.flatMap((ref) => {
    // "hidden" holds the newer insight audits that repeat the diagnostics, and helpers.
    if (ref.group === "hidden") return [];
    const a = lhr.audits[ref.id]!;
    if (a.score === null || a.score >= below || a.scoreDisplayMode === "informative" || a.scoreDisplayMode === "notApplicable") return [];
    const items = itemsOf(a);
    return [{ id: a.id, title: a.title, score: a.score, ...(a.displayValue ? { displayValue: a.displayValue } : {}), ...(items ? { items } : {}) }];
  });
}

/**
 * Throws unless Chromium is there. chrome-launcher reports a failed spawn as an unhandled
 * 'error' event, which would end the process before the servers are stopped.
 */
export function assertChromium() {
  try {
    fs.accessSync(CHROMIUM, fs.constants.X_OK);
  } catch {
    throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  }
}

/** One Lighthouse run of `url` in a Chromium of its own. */
export async function lighthouseRun(url: string): Promise<LighthouseFigures> {
  assertChromium();
  const { launch } = await import("chrome-launcher");
  const { default: lighthouse } = await import("lighthouse");
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: "error" });
  try {
    const flags: Flags = { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] };
    const result = await lighthouse(url, flags);
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned no result for ${url}`);
    if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const value = (id: string) => {
      const v = lhr.audits[id]?.numericValue;
      if (v === undefined) throw new Error(`Lighthouse gave no ${id} for ${url}`);
      return v;
    };
    const score = (c: "performance" | "accessibility") => {
      const v = lhr.categories[c]?.score;
      if (v === null || v === undefined) throw new Error(`Lighthouse gave no ${c} score for ${url}`);
      return Math.round(v * 100);
    };
    return {
      url,
      performance: score("performance"),
      accessibility: score("accessibility"),
      lcpMs: Math.round(value("largest-contentful-paint")),
      tbtMs: Math.round(value("total-blocking-time")),
      cls: Math.round(value("cumulative-layout-shift") * 1000) / 1000,
      fcpMs: Math.round(value("first-contentful-paint")),
      serverResponseMs: Math.round(value("server-response-time")),
      benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
      warnings: lhr.runWarnings.map(String),
      failing: { performance: failing(lhr, "performance", 0.9), accessibility: failing(lhr, "accessibility", 1) },
    };
  } finally {
    await chrome.kill();
  }
}

export type LighthouseResult = LighthouseFigures & {
  /** Every run's headline figures; the fields above are the run with the median performance score. */
  runs: Pick<LighthouseFigures, "performance" | "accessibility" | "lcpMs" | "tbtMs" | "cls" | "serverResponseMs" | "benchmarkIndex">[];
};

/** `runs` Lighthouse runs of `url`, one after the other; the run with the median performance score. */
export async function lighthouseMedian(url: string, runs: number): Promise<LighthouseResult> {
  const all: LighthouseFigures[] = [];
  for (let i = 0; i < runs; i++) all.push(await lighthouseRun(url));
  const median = [...all].sort((a, b) => a.performance - b.performance)[Math.floor((all.length - 1) / 2)]!;
  return {
    ...median,
    runs: all.map(({ performance, accessibility, lcpMs, tbtMs, cls, serverResponseMs, benchmarkIndex }) => ({
      performance,
      accessibility,
      lcpMs,
      tbtMs,
      cls,
      serverResponseMs,
      benchmarkIndex,
    })),
  };
}
