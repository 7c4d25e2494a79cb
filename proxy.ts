import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_ID_HEADER } from "@/lib/api/http";
import { randomBase62 } from "@/lib/ids";
import { checkoutCsp, NO_FRAMING, NONCE_HEADER } from "@/lib/security/csp";

// Pages only: the request id and the security headers of SPEC 6. API routes skip the proxy
// (runApi sets their Request-Id and headers) so that the hot path pays for nothing extra.
export async function proxy(req: NextRequest) {
  const requestId = `req_${randomBase62(20)}`;
  if (await unreadableForm(req)) {
    return new NextResponse("The body is not valid multipart/form-data.\n", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Request-Id": requestId },
    });
  }
  const headers = new Headers(req.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  // The strictest policy; a buyer page, which loads its session anyway, widens it to that
  // session's frame and form policy itself (lib/checkout/buyer-request.ts).
  const csp = checkoutCsp(nonce, NO_FRAMING, process.env.NODE_ENV === "development");
  headers.set(NONCE_HEADER, nonce);
  headers.set("Content-Security-Policy", csp);

  const res = NextResponse.next({ request: { headers } });
  res.headers.set("Content-Security-Policy", csp);
  // same-origin, not no-referrer: the URL (a credential) still never leaves for another origin,
  // but our own forms keep their Origin header. Under no-referrer a browser posts a form
  // without script with `Origin: null`, and the server could not tell it from a forgery.
  res.headers.set("Referrer-Policy", "same-origin");
  res.headers.set("X-Content-Type-Options", "nosniff");
  res.headers.set("Request-Id", requestId);
  return res;
}

/**
 * A multipart POST whose body does not parse. Next.js reads a multipart POST to any page as
 * a server action posted without script, and one it cannot parse was a 500; our own form
 * routes refuse it too, so nothing is lost by refusing it here first.
 */
async function unreadableForm(req: NextRequest): Promise<boolean> {
  if (req.method !== "POST") return false;
  if (!(req.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) return false;
  try {
    await req.clone().formData();
    return false;
  } catch {
    return true;
  }
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|embed.js|checkout.js).*)"],
};
