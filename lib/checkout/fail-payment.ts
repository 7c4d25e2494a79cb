import type { Database } from "@/db/client";
import { findPaymentById, recordFailedAttempt, transitionPayment } from "@/db/queries/payments";
import { listSessionPayments, lockSession } from "@/db/queries/sessions";
import { invalidState, notFound } from "@/lib/errors";
import type { Settled } from "./confirm-payment";
import { MAX_FAILED_ATTEMPTS } from "./pay-session";
import { recordEvent } from "@/lib/events/record";
import { paymentToObject, sessionToObject } from "./serialize";
import { FAILED_ATTEMPT, PAYMENT_MOVES } from "./transitions";

export type FailPaymentOptions = {
  paymentId: string;
  failureCode: string;
  failureMessage: string;
  at: Date;
  /** Money came that does not match the payment (the wrong amount): it is not a success, and it is owed back. */
  requiresRefund?: boolean;
};

/**
 * The bank, wallet or 3-D Secure said no. One transaction: the waiting payment becomes
 * `failed`, and its session goes back to `open` for another try (or to `failed` after the
 * fifth failed attempt).
 */
export async function failPayment(db: Database, opts: FailPaymentOptions): Promise<Settled> {
  const { paymentId, at } = opts;
  return db.transaction(async (tx) => {
    const before = await findPaymentById(tx, paymentId);
    if (!before) throw notFound("payment", paymentId);
    await lockSession(tx, before.sessionId);
    const payment = await transitionPayment(tx, {
      id: paymentId,
      ...PAYMENT_MOVES.fail,
      set: { failureCode: opts.failureCode, failureMessage: opts.failureMessage, nextAction: null, ...(opts.requiresRefund ? { requiresRefund: true } : {}) },
    });
    if (!payment) {
      const current = (await findPaymentById(tx, paymentId))!;
      if (current.status === "failed") return { payment: current, session: null, changed: false };
      throw invalidState(`This payment is ${current.status}; it cannot be failed.`, "payment_not_pending");
    }
    // A waiting payment is the session's current one, so its session is pending (or has
    // already ended, and then stays as it is).
    const session = await recordFailedAttempt(tx, { id: payment.sessionId, max: MAX_FAILED_ATTEMPTS, ...FAILED_ATTEMPT });
    const scope = { merchantId: payment.merchantId, livemode: payment.livemode };
    await recordEvent(tx, { ...scope, type: "payment.failed", object: paymentToObject(payment), at });
    if (session?.status === "failed") {
      const object = sessionToObject(session, await listSessionPayments(tx, session.id));
      await recordEvent(tx, { ...scope, type: "checkout.session.failed", object, at });
    }
    return { payment, session, changed: true };
  });
}
