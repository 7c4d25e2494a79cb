import type { Database } from "@/db/client";
import { findPaymentById } from "@/db/queries/payments";
import { findRefund } from "@/db/queries/refunds";
import type { Scope } from "@/db/queries/scope";
import { invalidState, notFound } from "@/lib/errors";
import { looksLikeId } from "@/lib/ids";
import { settleRefund, type SettledRefund } from "./settle-refund";

export type SimulateRefundOptions = { refundId: string; outcome: "succeeded" | "failed"; failureMessage?: string; at: Date };

/**
 * The sandbox's bank answering for a refund it holds pending (a transfer's money sent back, or
 * not). Test-mode refunds only; anything else is not found. A refund through a connected
 * provider is settled by that provider, never here.
 */
export async function simulateRefund(db: Database, scope: Scope, opts: SimulateRefundOptions): Promise<SettledRefund> {
  const refund = !scope.livemode && looksLikeId(opts.refundId, "re_") ? await findRefund(db, scope, opts.refundId) : null;
  if (!refund) throw notFound("refund", opts.refundId);
  const payment = (await findPaymentById(db, refund.paymentId))!;
  if (payment.provider !== "sandbox") {
    throw invalidState("This refund goes through a connected provider; that provider settles it.", "refund_not_simulated");
  }
  const { at } = opts;
  return opts.outcome === "succeeded"
    ? settleRefund(db, { refundId: refund.id, outcome: "succeeded", at })
    : settleRefund(db, { refundId: refund.id, outcome: "failed", failureMessage: opts.failureMessage ?? "The bank could not return the money (simulated).", at });
}
