import type { Database } from "@/db/client";
import { invalidState, notFound } from "@/lib/errors";
import { providerFor } from "@/lib/providers";
import { applyNotification } from "./apply-notification";
import type { Settled } from "./confirm-payment";
import { loadCheckout, waitingPayment } from "./load-checkout";
import { liveModeUnavailable } from "./pay-session";

export type AnswerChallengeOptions = { sessionId: string; passed: boolean; at: Date };

/** The buyer passed or failed 3-D Secure; the provider's answer settles the payment. */
export async function answerChallenge(db: Database, opts: AnswerChallengeOptions): Promise<Settled> {
  const checkout = await loadCheckout(db, opts.sessionId, opts.at);
  if (!checkout) throw notFound("checkout session", opts.sessionId);
  const payment = waitingPayment(checkout.payments);
  if (!payment || payment.status !== "requires_action") {
    throw invalidState("This checkout has no payment waiting for 3-D Secure.", "payment_not_pending");
  }
  const provider = providerFor(payment.livemode);
  if (!provider) throw liveModeUnavailable();
  return applyNotification(db, await provider.completeChallenge(payment, opts.passed), opts.at);
}
