// Builds the two files the buyer's pages load besides their HTML, before Next.js starts
// (`npm run dev`, `npm run build`):
//   lib/checkout/enhance/main.ts → public/checkout.js   (esbuild: the pages' one script)
//   app/checkout/checkout.css    → public/checkout.css  (Tailwind through PostCSS: the one stylesheet)
// and a copy of each under its content hash, public/assets/checkout.<hash>.js and .css, which the
// pages link (lib/api/buyer-page.ts) and browsers cache for a year: a deploy never serves a stale
// one. `--watch` keeps rebuilding either as its sources change (`npm run dev`).
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import tailwind from "@tailwindcss/postcss";
import { build, context, type BuildOptions, type Plugin } from "esbuild";
import { transform } from "lightningcss";
import postcss from "postcss";
import { ASSET_DIR, hashedAssetName, isHashedAssetOf } from "../api/asset-names";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SCRIPT_OUT = path.join(ROOT, "public/checkout.js");
const STYLES_IN = path.join(ROOT, "app/checkout/checkout.css");
const STYLES_OUT = path.join(ROOT, "public/checkout.css");
const HASHED_DIR = path.join(ROOT, "public", ASSET_DIR);
const watch = process.argv.includes("--watch");

function report(file: string, text: Uint8Array) {
  process.stdout.write(`${path.relative(ROOT, file)}: ${text.length} B, ${gzipSync(text, { level: 9 }).length} B gzip\n`);
}

/**
 * Writes only what changed (the file's hash, and so its URL, stays the same otherwise), and says
 * so; and its hashed copy, the one the pages link, in place of the copy of what it was before.
 */
function write(file: string, text: Uint8Array) {
  const changed = !fs.existsSync(file) || !fs.readFileSync(file).equals(text);
  if (changed) fs.writeFileSync(file, text);
  const name = path.basename(file);
  const hashed = hashedAssetName(name, text);
  fs.mkdirSync(HASHED_DIR, { recursive: true });
  for (const old of fs.readdirSync(HASHED_DIR)) {
    if (old !== hashed && isHashedAssetOf(name, old)) fs.rmSync(path.join(HASHED_DIR, old));
  }
  if (!fs.existsSync(path.join(HASHED_DIR, hashed))) fs.writeFileSync(path.join(HASHED_DIR, hashed), text);
  if (changed || !watch) report(file, text);
}

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
  plugins: [
    {
      name: "write",
      setup: (b) => b.onEnd(({ outputFiles }) => outputFiles?.[0] && write(SCRIPT_OUT, outputFiles[0].contents)),
    },
  ],
};

// The browsers Next.js builds CSS for (its default browserslist): where one lacks oklch(), a
// colour keeps its hex fallback, as when Next.js built the buyer pages' stylesheet.
const CSS_TARGETS = { chrome: 111 << 16, edge: 111 << 16, firefox: 111 << 16, safari: (16 << 16) | (4 << 8) };

/**
 * Tailwind scans the folders the entry's `@source` lines name and emits only the classes found
 * there; then Lightning CSS lowers and minifies it, the two steps Next.js runs on its own CSS.
 * It runs inside an esbuild build only so that esbuild's watch mode follows the files and
 * folders Tailwind read: esbuild's own output is empty, and not written.
 */
function tailwindStyles(): Plugin {
  let builds = 0;
  return {
    name: "tailwind",
    setup(b) {
      b.onLoad({ filter: /\.css$/ }, async ({ path: from }) => {
        // Tailwind's plugin keeps what it scanned from one build to the next and only adds to
        // it, unless its input changed: a comment that changes makes each build a whole one, so
        // a class no longer used goes too (the minifier drops the comment).
        const input = `${fs.readFileSync(from, "utf8")}\n/* ${++builds} */\n`;
        const result = await postcss([tailwind({ optimize: { minify: true } })]).process(input, { from, to: STYLES_OUT });
        const { code } = transform({ filename: STYLES_OUT, code: Buffer.from(result.css), minify: true, targets: CSS_TARGETS });
        write(STYLES_OUT, code);
        const read = (type: string, key: "file" | "dir") => result.messages.flatMap((m) => (m.type === type ? [m[key] as string] : []));
        return { contents: "", loader: "empty", watchFiles: [from, ...read("dependency", "file")], watchDirs: read("dir-dependency", "dir") };
      });
    },
  };
}

const stylesheet: BuildOptions = {
  entryPoints: [STYLES_IN],
  outfile: STYLES_OUT,
  write: false,
  bundle: true,
  logLevel: "warning",
  plugins: [tailwindStyles()],
};

if (!watch) {
  await Promise.all([build(script), build(stylesheet)]);
} else {
  for (const options of [script, stylesheet]) await (await context(options)).watch();
  // Run beside `next dev`: end with it rather than outlive it.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && process.exit(0), 1000);
}
