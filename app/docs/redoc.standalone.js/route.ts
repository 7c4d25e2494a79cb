import { readFile } from "node:fs/promises";
import path from "node:path";

// GET /docs/redoc.standalone.js – Redoc's browser bundle, served from Kassa itself (no CDN):
// the copy in node_modules that package-lock.json pins, read once per process.
let bundle: Promise<Buffer> | undefined;

export async function GET() {
  bundle ??= readFile(path.join(process.cwd(), "node_modules", "redoc", "bundles", "redoc.standalone.js"));
  const body = await bundle.catch((err) => {
    bundle = undefined;
    throw err;
  });
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=86400",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
