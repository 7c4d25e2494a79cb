// Builds the two files the buyer's pages load besides their HTML, before Next.js starts
// (`npm run dev`, `npm run build`):
//   lib/checkout/enhance/main.ts → public/checkout.js   (esbuild: the pages' one script)
//   app/checkout/checkout.css    → public/checkout.css  (Tailwind through PostCSS: the one stylesheet)
// The pages link both with a content hash in the URL (lib/api/buyer-page.ts), so a deploy never
// serves a stale one. `--watch` keeps rebuilding either as its sources change (`npm run dev`).
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import tailwind from "@tailwindcss/postcss";
import { build, context, type BuildOptions, type Plugin } from "esbuild";
import { transform } from "lightningcss";
import postcss from "postcss";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SCRIPT_OUT = path.join(ROOT, "public/checkout.js");
const STYLES_IN = path.join(ROOT, "app/checkout/checkout.css");
const STYLES_OUT = path.join(ROOT, "public/checkout.css");
const watch = process.argv.includes("--watch");

function report(file: string, text: string | Uint8Array) {
  const bytes = typeof text === "string" ? Buffer.byteLength(text) : text.length;
  process.stdout.write(`${path.relative(ROOT, file)}: ${bytes} B, ${gzipSync(text, { level: 9 }).length} B gzip\n`);
}

/** Writes only what changed: the file's hash, and so its URL, stays the same otherwise. */
function writeIfChanged(file: string, text: string | Uint8Array): boolean {
  const next = Buffer.from(text);
  if (fs.existsSync(file) && fs.readFileSync(file).equals(next)) return false;
  fs.writeFileSync(file, next);
  return true;
}

const reportScript: Plugin = {
  name: "report",
  setup(b) {
    b.onEnd((result) => {
      const out = result.outputFiles?.[0];
      if (out && (writeIfChanged(SCRIPT_OUT, out.contents) || !watch)) report(SCRIPT_OUT, out.contents);
    });
  },
};

const script: BuildOptions = {
  entryPoints: [path.join(ROOT, "lib/checkout/enhance/main.ts")],
  outfile: SCRIPT_OUT,
  write: false,
  bundle: true,
  minify: true,
  format: "iife",
  // Cheap Android phones run old Chromium and old WebViews.
  target: "es2019",
  alias: { "@": ROOT },
  legalComments: "none",
  logLevel: "warning",
  plugins: [reportScript],
};

// The browsers Next.js builds CSS for (its default browserslist): where one lacks oklch(), a
// colour keeps its hex fallback, as when Next.js built the buyer pages' stylesheet.
const CSS_TARGETS = { chrome: 111 << 16, edge: 111 << 16, firefox: 111 << 16, safari: (16 << 16) | (4 << 8) };

/**
 * Tailwind scans the folders the entry's `@source` lines name and emits only the classes found
 * there; then Lightning CSS lowers and minifies it, the two steps Next.js runs on its own CSS.
 */
async function buildStyles() {
  const tw = await postcss([tailwind({ optimize: { minify: true } })]).process(fs.readFileSync(STYLES_IN, "utf8"), {
    from: STYLES_IN,
    to: STYLES_OUT,
  });
  const { code } = transform({ filename: STYLES_OUT, code: Buffer.from(tw.css), minify: true, targets: CSS_TARGETS });
  if (writeIfChanged(STYLES_OUT, code) || !watch) report(STYLES_OUT, code);
}

if (!watch) {
  await Promise.all([build(script), buildStyles()]);
} else {
  const ctx = await context(script);
  await ctx.watch();
  await buildStyles();
  // Any edit under app/ or components/ may add a class: rebuild (it takes a few ms). Tailwind's
  // incremental build only adds: a class no longer used stays until the next start.
  let timer: NodeJS.Timeout | undefined;
  const restyle = () => {
    clearTimeout(timer);
    timer = setTimeout(() => buildStyles().catch((err) => process.stderr.write(`public/checkout.css: ${err}\n`)), 50);
  };
  for (const dir of ["app", "components"]) fs.watch(path.join(ROOT, dir), { recursive: true }, restyle);
  // Run beside `next dev`: end with it rather than outlive it.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && process.exit(0), 1000);
}
