// The HTTP side of the buyer's pages (app/checkout/[id]/route.tsx and its 3ds step): what a
// page reads from its request, and the response its HTML becomes. The page itself is React
// rendered to HTML on the server, with one stylesheet and one script of our own; no framework
// script reaches the browser.
import fs from "node:fs";
import path from "node:path";
import { checkoutCsp, type FramePolicy } from "@/lib/security/csp";
import { ASSET_DIR, contentHash, hashedAssetName } from "./asset-names";
import { guardPage, pageFault } from "./page-guard";

/** The stylesheet and the script a buyer page links, each named by its content's hash. */
export type PageAssets = { css: string; js: string };

/** What a buyer page reads from its request. */
export type PageRequest = {
  acceptLanguage: string | null;
  /** The CSP nonce of this response: every style and script of the page carries it. */
  nonce: string;
  query: URLSearchParams;
  assets: PageAssets;
};

/** A rendered page, with the frame and form policy of its session (null: the strict one stays); or elsewhere to go. */
export type PageAnswer = { html: string; status?: number; policy: FramePolicy | null } | { redirect: string };

type RouteContext = { params: Promise<{ id: string }> };

// What the pages router sent with a server-rendered page: no cache anywhere, the URL is a credential.
const NO_STORE = "private, no-cache, no-store, max-age=0, must-revalidate";

/** A route handler for one of the buyer's pages of session `id`. */
export function buyerPage(render: (id: string, page: PageRequest) => Promise<PageAnswer>) {
  return async (req: Request, ctx: RouteContext): Promise<Response> => {
    const guard = await guardPage(req);
    if ("refusal" in guard) return guard.refusal;
    const { id } = await ctx.params;
    const url = new URL(req.url);
    const { nonce } = guard;
    let answer: PageAnswer;
    try {
      answer = await render(id, {
        acceptLanguage: req.headers.get("accept-language"),
        nonce,
        query: url.searchParams,
        assets: { css: hashed("checkout.css"), js: hashed("checkout.js") },
      });
    } catch (err) {
      return pageFault(guard, req, err, NO_STORE);
    }
    const headers: Record<string, string> = { ...guard.headers, "Cache-Control": NO_STORE };
    if ("redirect" in answer) return new Response(null, { status: 307, headers: { ...headers, Location: answer.redirect } });
    // The strict policy, widened to what this session's page needs (its framing origins, its
    // redirect targets), under the same nonce.
    if (answer.policy) headers["Content-Security-Policy"] = checkoutCsp(nonce, answer.policy, process.env.NODE_ENV === "development");
    return new Response(answer.html, { status: answer.status ?? 200, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
  };
}

const PUBLIC_DIR = path.join(process.cwd(), "public");
const urls = new Map<string, { mtimeMs: number; url: string }>();

/**
 * `/assets/<name>.<hash>.<ext>`, the copy of public/<name> the build made under its content's
 * hash (lib/build/client.mts): cached for a year, since a deploy that changes the file changes its
 * name. Computed once; under `npm run dev` again whenever the file is rebuilt.
 */
function hashed(name: string): string {
  const known = urls.get(name);
  if (known && process.env.NODE_ENV === "production") return known.url;
  const file = path.join(PUBLIC_DIR, name);
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    return `/${name}`; // not built yet: the page still works, unversioned
  }
  if (known?.mtimeMs === mtimeMs) return known.url;
  const content = fs.readFileSync(file);
  const copy = hashedAssetName(name, content);
  // A tree built before the hashed copies (or a half-written one): the plain file, its hash in the query.
  const url = fs.existsSync(path.join(PUBLIC_DIR, ASSET_DIR, copy)) ? `/${ASSET_DIR}/${copy}` : `/${name}?v=${contentHash(content)}`;
  urls.set(name, { mtimeMs, url });
  return url;
}
