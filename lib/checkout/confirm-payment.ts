import type { Database } from "@/db/client";
import { findMerchant } from "@/db/queries/merchants";
import type { PaymentRow } from "@/db/queries/payment-row";
import type { RefundRow } from "@/db/queries/refunds";
import { cancelOpenPayments, findPaymentById, flagRequiresRefund, transitionPayment } from "@/db/queries/payments";
import { listSessionPayments, lockSession, transitionSession, type SessionRow } from "@/db/queries/sessions";
import { invalidState, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import { recordRefund } from "./create-refund";
import { paymentToObject, sessionToObject } from "./serialize";
import { PAYMENT_MOVES, SESSION_MOVES } from "./transitions";

export type ConfirmPaymentOptions = { paymentId: string; at: Date };
export type Settled = {
  payment: PaymentRow;
  session: SessionRow | null;
  changed: boolean;
  /** A duplicate payment's refund, recorded with it: for the caller to carry out (carryOutRefund) once the transaction is over. */
  refund?: RefundRow | null;
};

/**
 * The bank or wallet says the money arrived. One transaction: the payment becomes
 * `succeeded` (from pending, requires_action, or canceled: money that arrives anyway is
 * never dropped), then the session becomes `paid` if it still can. When it cannot (already
 * paid by another payment, expired, canceled) the payment is kept, flagged `requiresRefund`,
 * and, unless the merchant turned it off, refunded in full (reason `duplicate`): the refund is
 * recorded in this transaction, so its `payment.succeeded` event already shows the amount
 * held back for it (`refundedAmount`).
 */
export async function confirmPayment(db: Database, opts: ConfirmPaymentOptions): Promise<Settled> {
  const { paymentId, at } = opts;
  return db.transaction(async (tx) => {
    const before = await findPaymentById(tx, paymentId);
    if (!before) throw notFound("payment", paymentId);
    await lockSession(tx, before.sessionId);
    const won = await transitionPayment(tx, { id: paymentId, ...PAYMENT_MOVES.succeed, set: { paidAt: at, nextAction: null } });
    if (!won) {
      const current = (await findPaymentById(tx, paymentId))!;
      // A repeated confirmation is not news: answer with what was recorded.
      if (current.status === "succeeded") return { payment: current, session: null, changed: false };
      throw invalidState(`This payment is ${current.status}; it cannot be confirmed.`, "payment_not_pending");
    }
    const session = await transitionSession(tx, { id: won.sessionId, ...SESSION_MOVES.pay, set: { paidAt: at } });
    let payment = won;
    let refund: RefundRow | null = null;
    if (session) await cancelOpenPayments(tx, { sessionId: session.id, except: won.id, ...PAYMENT_MOVES.cancel });
    else {
      payment = await flagRequiresRefund(tx, won.id);
      if ((await findMerchant(tx, payment.merchantId))?.autoRefundDuplicates) {
        refund = await recordRefund(tx, { payment, amount: payment.amount, reason: "duplicate", metadata: {}, at });
        payment = (await findPaymentById(tx, payment.id))!;
      }
    }
    const scope = { merchantId: payment.merchantId, livemode: payment.livemode };
    await recordEvent(tx, { ...scope, type: "payment.succeeded", object: paymentToObject(payment), at });
    if (session) {
      const object = sessionToObject(session, await listSessionPayments(tx, session.id));
      await recordEvent(tx, { ...scope, type: "checkout.session.paid", object, at });
    }
    return { payment, session, changed: true, refund };
  });
}
