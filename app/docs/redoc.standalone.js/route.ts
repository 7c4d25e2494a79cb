import { readFile } from "node:fs/promises";
import path from "node:path";

// GET /docs/redoc.standalone.js – Redoc's browser bundle, served from Kassa itself (no CDN):
// the copy in node_modules that package-lock.json pins, read once per process.
//
// One change: the bundle adds two stylesheets as it loads, before Redoc.init can hand it the
// `nonce` option, and the page's CSP refuses a <style> without the nonce. Here the bundle takes
// the nonce of its own <script> element from the start (webpack's `__webpack_require__.nc`).
const NONCE_MARKER = "r.nc=void 0";
const NONCE_FROM_SCRIPT = "r.nc=(document.currentScript&&document.currentScript.nonce)||void 0";

let bundle: Promise<string> | undefined;

async function load(): Promise<string> {
  const source = await readFile(path.join(process.cwd(), "node_modules", "redoc", "bundles", "redoc.standalone.js"), "utf8");
  const at = source.indexOf(NONCE_MARKER);
  // A new Redoc may name it otherwise: fail here, not with unstyled docs.
  if (at < 0 || source.indexOf(NONCE_MARKER, at + 1) >= 0) throw new Error("redoc.standalone.js: its nonce setting is not where it was (Redoc upgraded?)");
  return source.slice(0, at) + NONCE_FROM_SCRIPT + source.slice(at + NONCE_MARKER.length);
}

export async function GET() {
  bundle ??= load();
  const body = await bundle.catch((err) => {
    bundle = undefined;
    throw err;
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=86400",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
