import type { Database } from "@/db/client";
import { findRefundById, releaseRefund, transitionRefund, type RefundRow } from "@/db/queries/refunds";
import { invalidState, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import { refundToObject } from "./serialize";
import { REFUND_MOVES } from "./transitions";

export type SettleRefundOptions =
  | { refundId: string; outcome: "succeeded"; at: Date }
  | { refundId: string; outcome: "failed"; failureMessage: string; at: Date };

export type SettledRefund = { refund: RefundRow; changed: boolean };

/**
 * The processor's word on a refund, applied in one transaction: the pending refund becomes
 * `succeeded` (the money is back with the buyer) or `failed`, and then its amount is given
 * back to the payment, so that it can be refunded again. A repeat of the same word changes nothing.
 */
export async function settleRefund(db: Database, opts: SettleRefundOptions): Promise<SettledRefund> {
  const { refundId, at } = opts;
  return db.transaction(async (tx) => {
    const refund =
      opts.outcome === "succeeded"
        ? await transitionRefund(tx, { id: refundId, ...REFUND_MOVES.succeed, set: { settledAt: at, reconcileAt: null } })
        : await transitionRefund(tx, { id: refundId, ...REFUND_MOVES.fail, set: { settledAt: at, reconcileAt: null, failureMessage: opts.failureMessage.slice(0, 500) } });
    if (!refund) {
      const current = await findRefundById(tx, refundId);
      if (!current) throw notFound("refund", refundId);
      if (current.status === opts.outcome) return { refund: current, changed: false };
      throw invalidState(`This refund is ${current.status}; it cannot be ${opts.outcome === "succeeded" ? "confirmed" : "failed"}.`, "refund_not_pending");
    }
    if (refund.status === "failed" && !(await releaseRefund(tx, { paymentId: refund.paymentId, amount: refund.amount }))) {
      throw new Error(`refund ${refund.id} failed, but its payment did not hold its amount`);
    }
    const scope = { merchantId: refund.merchantId, livemode: refund.livemode };
    await recordEvent(tx, { ...scope, type: refund.status === "succeeded" ? "refund.succeeded" : "refund.failed", object: refundToObject(refund), at });
    return { refund, changed: true };
  });
}
