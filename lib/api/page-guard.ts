import { log } from "@/lib/log";
import { checkoutCsp, NO_FRAMING } from "@/lib/security/csp";
import { newRequestId, pathDecodes } from "./http";

/** What every page and form of ours gets before it runs: a request id, a CSP nonce, the headers of SPEC 6. */
export type PageGuard = {
  requestId: string;
  nonce: string;
  /** The strictest policy; a buyer page, which loads its session anyway, widens it to that session's. */
  csp: string;
  /** For the response. */
  headers: Record<string, string>;
};

/**
 * The one place that does it: proxy.ts for the App Router's pages, and the buyer's pages and
 * forms themselves (lib/api/buyer-page.ts, lib/api/buyer-forms.ts), which the proxy passes on
 * untouched so that `npm start` can call them directly, as it calls the API's route handlers.
 * Refused here: a path that does not decode, a multipart POST whose body does not parse.
 */
export async function guardPage(req: Request): Promise<PageGuard | { refusal: Response }> {
  const requestId = newRequestId();
  const refuse = (text: string) => ({
    refusal: new Response(`${text}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Request-Id": requestId },
    }),
  });
  // Next.js's router would answer it 500: without a pages router it has no 400 page to render.
  if (!pathDecodes(new URL(req.url).pathname)) return refuse("The path has a malformed percent-escape.");
  if (await unreadableForm(req)) return refuse("The body is not valid multipart/form-data.");
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = checkoutCsp(nonce, NO_FRAMING, process.env.NODE_ENV === "development");
  return {
    requestId,
    nonce,
    csp,
    headers: {
      "Content-Security-Policy": csp,
      // same-origin, not no-referrer: the URL (a credential) still never leaves for another origin,
      // but our own forms keep their Origin header. Under no-referrer a browser posts a form
      // without script with `Origin: null`, and the server could not tell it from a forgery.
      "Referrer-Policy": "same-origin",
      "X-Content-Type-Options": "nosniff",
      "Request-Id": requestId,
    },
  };
}

/** A fault in a page's or form's own work: logged with its request id, a plain 500 for the buyer. */
export function pageFault(guard: PageGuard, req: Request, err: unknown, cacheControl: string): Response {
  log.error({ requestId: guard.requestId, method: req.method, path: new URL(req.url).pathname, err }, "request failed");
  return new Response("Something went wrong on our side. Try again later.\n", {
    status: 500,
    headers: { ...guard.headers, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": cacheControl },
  });
}

// The buyer's pages and forms, as app/checkout/[id]/**/route.ts* serve them.
const BUYER_ROUTE = /^\/checkout\/[^/]+(?:\/(?:3ds|pay|challenge|simulate|another-way|return|receipt))?$/;

/**
 * A buyer's page or form: it runs the guard itself, because a header proxy.ts set would win
 * over the one its route handler sets (a page widens its CSP to its session's). One whose path
 * does not decode is the guard's to refuse.
 */
export function guardsItself(pathname: string): boolean {
  return BUYER_ROUTE.test(pathname) && pathDecodes(pathname);
}

/**
 * A multipart POST whose body does not parse. Next.js reads a multipart POST to any page as
 * a server action posted without script, and one it cannot parse was a 500; our own form
 * routes refuse it too, so nothing is lost by refusing it here first.
 */
async function unreadableForm(req: Request): Promise<boolean> {
  if (req.method !== "POST") return false;
  if (!(req.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) return false;
  try {
    await req.clone().formData();
    return false;
  } catch {
    return true;
  }
}
