import type { Database } from "@/db/client";
import { invalidState, notFound } from "@/lib/errors";
import { providerNamed } from "@/lib/providers";
import { applyNotification } from "./apply-notification";
import type { Settled } from "./confirm-payment";
import { loadCheckout, waitingPayment } from "./load-checkout";

export type AnswerChallengeOptions = { sessionId: string; passed: boolean; at: Date };

/** The buyer passed or failed 3-D Secure; the provider's answer settles the payment. */
export async function answerChallenge(db: Database, opts: AnswerChallengeOptions): Promise<Settled> {
  const checkout = await loadCheckout(db, opts.sessionId, opts.at);
  if (!checkout) throw notFound("checkout session", opts.sessionId);
  const payment = waitingPayment(checkout.payments);
  if (!payment || payment.status !== "requires_action") {
    throw invalidState("This checkout has no payment waiting for 3-D Secure.", "payment_not_pending");
  }
  // Only Kassa's own 3-D Secure page (the sandbox's) is answered here; a processor's is its own.
  const provider = providerNamed(payment.provider);
  if (!provider?.completeChallenge) throw invalidState("This payment's check is on its provider's page, not here.", "payment_not_pending");
  return applyNotification(db, await provider.completeChallenge(payment, opts.passed), opts.at);
}
