import type { Database } from "@/db/client";
import { invalidState, notFound } from "@/lib/errors";
import type { Settled } from "./confirm-payment";
import { loadCheckout, waitingPayment } from "./load-checkout";
import { ASYNC_FAILURE } from "@/lib/providers/sandbox";
import { simulateNotification } from "./simulate";

/**
 * The test-mode page's "Simulate payment received / failure" buttons: the same sandbox
 * notification as POST /api/v1/test/payments/{id}/succeed|fail, for the waiting payment.
 */
export async function simulateForBuyer(db: Database, sessionId: string, outcome: "succeeded" | "failed", at: Date): Promise<Settled> {
  const checkout = await loadCheckout(db, sessionId, at);
  if (!checkout || checkout.session.livemode) throw notFound("checkout session", sessionId);
  const payment = waitingPayment(checkout.payments);
  if (!payment) throw invalidState("This checkout has no payment waiting.", "payment_not_pending");
  const scope = { merchantId: checkout.session.merchantId, livemode: false };
  return simulateNotification(db, scope, {
    paymentId: payment.id,
    outcome,
    ...(outcome === "failed" && payment.status === "requires_action"
      ? { failureCode: "authentication_failed", failureMessage: "The cardholder did not pass 3-D Secure authentication." }
      : outcome === "failed"
        ? { failureCode: ASYNC_FAILURE.code, failureMessage: ASYNC_FAILURE.message }
        : {}),
    at,
  });
}
