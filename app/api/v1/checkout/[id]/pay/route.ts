import { buyerPreflight, buyerRoute } from "@/lib/api/buyer-route";
import { fromZodError } from "@/lib/api/errors";
import { readJsonBody } from "@/lib/api/http";
import { payInput } from "@/lib/checkout/pay-input";
import { paySession } from "@/lib/checkout/pay-session";
import { publicPayResult } from "@/lib/checkout/public-view";
import { clientIp } from "@/lib/security/forwarded";
import { limitPaymentAttempt } from "@/lib/security/rate-limit";

// POST /api/v1/checkout/{id}/pay – pay a session on one rail (the same domain function as the page)
export const POST = buyerRoute(async ({ req, db, session, now }) => {
  await limitPaymentAttempt(clientIp(req.headers), session.id);
  const parsed = payInput.safeParse(await readJsonBody(req));
  if (!parsed.success) throw fromZodError(parsed.error, "The payment request is not valid.");
  const result = await paySession(db, { sessionId: session.id, input: parsed.data, at: now, loaded: session });
  return { body: publicPayResult(result.session, result.payment) };
});

export const OPTIONS = buyerPreflight("GET, POST");
