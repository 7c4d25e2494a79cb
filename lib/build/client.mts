// Builds the buyer pages' one script: lib/checkout/enhance/main.ts → public/checkout.js.
// Run by `npm run build` before `next build`; the pages load it with `defer`.
import path from "node:path";
import { build } from "esbuild";

const ROOT = path.resolve(import.meta.dirname, "../..");

const result = await build({
  entryPoints: [path.join(ROOT, "lib/checkout/enhance/main.ts")],
  outfile: path.join(ROOT, "public/checkout.js"),
  bundle: true,
  minify: true,
  format: "iife",
  // Cheap Android phones run old Chromium and old WebViews.
  target: "es2019",
  alias: { "@": ROOT },
  legalComments: "none",
  metafile: true,
  logLevel: "warning",
});
const bytes = Object.values(result.metafile.outputs)[0]!.bytes;
process.stdout.write(`public/checkout.js: ${bytes} B\n`);
