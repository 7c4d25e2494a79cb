import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_ID_HEADER } from "@/lib/api/http";
import { guardPage, guardsItself } from "@/lib/api/page-guard";
import { NONCE_HEADER } from "@/lib/security/csp";

// The App Router's pages: the request id and the security headers of SPEC 6 (lib/api/page-guard.ts).
// API routes skip the proxy (runApi sets their Request-Id and headers); the buyer's pages and
// forms (app/checkout/[id]/**/route.ts*) pass through untouched and call the same guard themselves.
export async function proxy(req: NextRequest) {
  if (guardsItself(req.nextUrl.pathname)) return NextResponse.next();
  const guard = await guardPage(req);
  if ("refusal" in guard) return guard.refusal;
  const headers = new Headers(req.headers);
  headers.set(REQUEST_ID_HEADER, guard.requestId);
  headers.set(NONCE_HEADER, guard.nonce);
  // Next.js puts the nonce of this header on the scripts of its own.
  headers.set("Content-Security-Policy", guard.csp);
  const res = NextResponse.next({ request: { headers } });
  for (const [name, value] of Object.entries(guard.headers)) res.headers.set(name, value);
  return res;
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|assets/|favicon.ico|icon.svg|embed.js|checkout.js|checkout.css).*)"],
};
