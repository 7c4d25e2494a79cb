// The content-hashed names of the buyer pages' script and stylesheet: the build
// (lib/build/client.mts) writes public/assets/<name>.<hash>.<ext>, and the pages
// (lib/api/buyer-page.ts) link that name. A name never changes content, so it is
// cached for a year (next.config.ts); a deploy that changes a file changes its name.
import { createHash } from "node:crypto";

/** Under public/ and in URLs. */
export const ASSET_DIR = "assets";

/** 12 hex digits of the content's SHA-256. */
export function contentHash(content: Uint8Array): string {
  return createHash("sha256").update(content).digest("hex").slice(0, 12);
}

/** `checkout.js` with its content → `checkout.3f9a0c1b2d4e.js`. */
export function hashedAssetName(name: string, content: Uint8Array): string {
  const hash = contentHash(content);
  const dot = name.lastIndexOf(".");
  return `${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
}

/** Whether `file` is a hashed copy of `name` (of any content): `checkout.3f9a0c1b2d4e.js` of `checkout.js`. */
export function isHashedAssetOf(name: string, file: string): boolean {
  const dot = name.lastIndexOf(".");
  return file.length === name.length + 13 && file.startsWith(`${name.slice(0, dot)}.`) && file.endsWith(name.slice(dot)) && /^[0-9a-f]{12}$/.test(file.slice(dot + 1, dot + 13));
}
