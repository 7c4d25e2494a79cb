import type { Database } from "@/db/client";
import { buyerPreflight, buyerRoute } from "@/lib/api/buyer-route";
import { fromZodError } from "@/lib/errors";
import { readJsonBody } from "@/lib/api/http";
import { requestHash, respondIdempotently, sessionKeyScope, takeIdempotencyKey } from "@/lib/api/idempotency";
import { payInput } from "@/lib/checkout/pay-input";
import { paySession } from "@/lib/checkout/pay-session";
import { publicPayResult } from "@/lib/checkout/public-view";
import { clientIp } from "@/lib/security/forwarded";
import { limitPaymentAttempt } from "@/lib/security/rate-limit";
import { serverSecret } from "@/lib/security/secret";

// POST /api/v1/checkout/{id}/pay – pay a session on one rail (the same domain function as the page)
export const POST = buyerRoute(async ({ req, db, session, requestId, now }) => {
  await limitPaymentAttempt(clientIp(req.headers), session.id);
  const raw = await readJsonBody(req);
  const key = takeIdempotencyKey(req, raw);
  const parsed = payInput.safeParse(raw);
  if (!parsed.success) throw fromZodError(parsed.error, "The payment request is not valid.");
  const pay = async (d: Database) => {
    const result = await paySession(d, {
      sessionId: session.id,
      input: parsed.data,
      at: now,
      loaded: session,
      acceptLanguage: req.headers.get("accept-language"),
    });
    return { body: publicPayResult(result.session, result.payment) };
  };
  if (!key) return pay(db);
  // Keyed by an HMAC: the body holds the card number. Stored apart from the payment, so no
  // transaction is held open while the provider is called.
  const hash = requestHash(req.method, new URL(req.url).pathname, raw, serverSecret());
  return respondIdempotently(db, { scope: sessionKeyScope(session, key), hash, at: now, requestId, store: "apart" }, pay);
});

export const OPTIONS = buyerPreflight("GET, POST");
