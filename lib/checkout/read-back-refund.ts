// Asking a refund's processor where it stands, and applying the answer (SPEC 9, as payments do
// by SPEC 8): the one way a processor's notification and reconciliation settle a refund. Never
// a webhook's body: only the processor's API.
import type { Database } from "@/db/client";
import type { PaymentRow } from "@/db/queries/payment-row";
import { findPaymentById } from "@/db/queries/payments";
import { findProviderAccountById } from "@/db/queries/provider-accounts";
import {
  claimDueRefundReconciles,
  findRefundById,
  pendingRefundsOfPayment,
  scheduleRefundReconcile,
  setRefundProviderRef,
  takenRefundRefs,
  type RefundRow,
} from "@/db/queries/refunds";
import { log } from "@/lib/log";
import { accountContext, providerNamed } from "@/lib/providers";
import { PROVIDER_LABELS } from "@/lib/providers/labels";
import { ProviderUnreachable, type RefundReadBack } from "@/lib/providers/types";
import { paymentRef } from "./payment-ref";
import { nextReconcileAt } from "./reconcile-schedule";
import { settleRefund, type SettledRefund } from "./settle-refund";

/** Looks after which a refund the processor has never heard of is taken as never made (its amount given back). */
const UNKNOWN_LOOKS = 5;
const CLAIM_MS = 2 * 60_000;

export type RefundReadBackResult = { back: RefundReadBack; settled: SettledRefund | null };

/**
 * Reads the refund back from its processor (no transaction open meanwhile), then applies the
 * answer. ProviderUnreachable is thrown: the caller asks again later.
 */
export async function readBackRefund(db: Database, refund: RefundRow, payment: PaymentRow, at: Date): Promise<RefundReadBackResult> {
  const provider = providerNamed(payment.provider);
  const account = payment.providerAccountId ? await findProviderAccountById(db, payment.providerAccountId) : null;
  if (!provider?.readRefund || !account) return { back: { state: "unknown" }, settled: null };
  const takenRefs = (await takenRefundRefs(db, payment.id)).filter((r) => r !== refund.providerRef);
  const back = await provider.readRefund(
    {
      id: refund.id,
      amount: refund.amount,
      currency: refund.currency,
      providerRef: refund.providerRef,
      createdAt: refund.createdAt,
      payment: paymentRef(payment, { providerRef: payment.providerRef, takenRefs: [] }),
      takenRefs,
    },
    accountContext(account),
  );
  if (back.state === "unknown") {
    if (refund.providerRef || refund.reconcileAttempts < UNKNOWN_LOOKS) return { back, settled: null };
    const failureMessage = `${PROVIDER_LABELS[payment.provider]} has no record of this refund: the request never reached it, and no money was returned.`;
    return { back, settled: await settleRefund(db, { refundId: refund.id, outcome: "failed", failureMessage, at }) };
  }
  // The processor's id, learnt now when the call that made the refund went unanswered.
  if (!refund.providerRef) await setRefundProviderRef(db, refund.id, back.providerRef);
  if (back.state === "pending") return { back, settled: null };
  if (back.state === "succeeded") return { back, settled: await settleRefund(db, { refundId: refund.id, outcome: "succeeded", at }) };
  return { back, settled: await settleRefund(db, { refundId: refund.id, outcome: "failed", failureMessage: back.failureMessage, at }) };
}

/** A notification about a payment's refunds: each one still pending is read back. */
export async function readBackRefundsOf(db: Database, payment: PaymentRow, at: Date): Promise<void> {
  for (const refund of await pendingRefundsOfPayment(db, payment.id)) await readBackRefund(db, refund, payment, at);
}

/** One pass of refund reconciliation: asks about every refund due, `batch` at a time; returns how many settled. */
export async function reconcileRefundsDue(db: Database, at: Date, batch = 50): Promise<number> {
  const claimed = await claimDueRefundReconciles(db, { at, leaseUntil: new Date(at.getTime() + CLAIM_MS), limit: batch });
  let settled = 0;
  for (const refund of claimed) {
    try {
      const payment = (await findPaymentById(db, refund.paymentId))!;
      const { settled: s } = await readBackRefund(db, refund, payment, at);
      if (s?.changed) settled++;
    } catch (err) {
      if (!(err instanceof ProviderUnreachable)) log.error({ err: err instanceof Error ? err.name : "error", refundId: refund.id }, "reconciliation failed for a refund");
    }
    const now = await findRefundById(db, refund.id);
    // Asked until it settles: a refund has no deadline of its own.
    await scheduleRefundReconcile(db, refund.id, now?.status === "pending" ? nextReconcileAt({ createdAt: refund.createdAt, expiresAt: null }, refund.reconcileAttempts, at) : null);
  }
  return settled;
}
