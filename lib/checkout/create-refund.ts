// POST /api/v1/refunds (SPEC 9): money back from a succeeded payment, in full or in part.
import type { Database } from "@/db/client";
import type { PaymentRow } from "@/db/queries/payment-row";
import { findPayment, findPaymentById } from "@/db/queries/payments";
import { findProviderAccountById } from "@/db/queries/provider-accounts";
import { insertRefund, reserveRefund, setRefundProviderRef, type RefundRow } from "@/db/queries/refunds";
import type { Scope } from "@/db/queries/scope";
import { invalidState, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import { looksLikeId, newId } from "@/lib/ids";
import { log } from "@/lib/log";
import { accountContext, providerNamed } from "@/lib/providers";
import { PROVIDER_LABELS } from "@/lib/providers/labels";
import { ProviderRefused } from "@/lib/providers/types";
import { formatMoney } from "@/lib/money/currencies";
import { paymentRef } from "./payment-ref";
import { firstReconcileAt } from "./reconcile-schedule";
import type { CreateRefundInput, RefundObject } from "./schemas";
import { refundToObject } from "./serialize";
import { settleRefund } from "./settle-refund";

export type CreateRefundOptions = { scope: Scope; input: CreateRefundInput; at: Date };

function notRefundable(p: PaymentRow) {
  return invalidState(`This payment is ${p.status}; only a succeeded payment can be refunded.`, "payment_not_refundable");
}

function exceeds(p: PaymentRow, amount: number) {
  const left = p.amount - p.refundedAmount;
  const money = (n: number) => formatMoney(n, p.currency, "en");
  return invalidState(
    left <= 0
      ? `This payment of ${money(p.amount)} is already refunded in full.`
      : `A refund of ${money(amount)} would exceed this payment: ${money(left)} of ${money(p.amount)} is left to refund.`,
    "refund_exceeds_payment",
  );
}

/**
 * Reserves the amount on the payment, records the refund `pending` and its `refund.created`
 * event in one transaction; only then, with no transaction open, asks the processor (SPEC 8).
 * The sandbox returns a card payment's money at once; its other rails wait for
 * POST /api/v1/test/refunds/{id}/succeed|fail, as a bank would.
 */
export async function createRefund(db: Database, opts: CreateRefundOptions): Promise<RefundObject> {
  const { scope, input, at } = opts;
  const payment = looksLikeId(input.payment, "pay_") ? await findPayment(db, scope, input.payment) : null;
  if (!payment) throw notFound("payment", input.payment);
  if (payment.status !== "succeeded") throw notRefundable(payment);
  const amount = input.amount ?? payment.amount - payment.refundedAmount;
  if (amount <= 0) throw exceeds(payment, amount);
  const refund = await db.transaction((tx) => recordRefund(tx, { payment, amount, reason: input.reason ?? null, metadata: input.metadata ?? {}, at }));
  return refundToObject(await carryOutRefund(db, payment, refund, at));
}

export type RecordRefundOptions = {
  payment: PaymentRow;
  amount: number;
  reason: RefundRow["reason"];
  metadata: Record<string, string>;
  at: Date;
};

/**
 * The refund's part of a transaction: its amount reserved on the payment by one conditional
 * update (a 409 when the payment is not succeeded, or the amount does not fit), the refund
 * recorded `pending`, and its `refund.created` event. carryOutRefund does the rest, after.
 */
export async function recordRefund(tx: Database, o: RecordRefundOptions): Promise<RefundRow> {
  const { payment, amount, at } = o;
  if (!(await reserveRefund(tx, { paymentId: payment.id, amount }))) {
    const current = (await findPaymentById(tx, payment.id))!;
    throw current.status === "succeeded" ? exceeds(current, amount) : notRefundable(current);
  }
  const scope = { merchantId: payment.merchantId, livemode: payment.livemode };
  const row = await insertRefund(tx, {
    id: newId("refund"),
    ...scope,
    paymentId: payment.id,
    amount,
    currency: payment.currency,
    status: "pending",
    reason: o.reason,
    metadata: o.metadata,
    // Should the call to the processor never come back, reconciliation asks about it.
    reconcileAt: payment.provider !== "sandbox" ? firstReconcileAt(at) : null,
    createdAt: at,
  });
  await recordEvent(tx, { ...scope, type: "refund.created", object: refundToObject(row), at });
  return row;
}

/** A recorded refund carried out, with no transaction open: by the sandbox at once (cards), or by the payment's processor. */
export async function carryOutRefund(db: Database, payment: PaymentRow, refund: RefundRow, at: Date): Promise<RefundRow> {
  if (payment.provider !== "sandbox") return refundThroughProvider(db, payment, refund, at);
  if (payment.rail !== "card") return refund;
  return (await settleRefund(db, { refundId: refund.id, outcome: "succeeded", at })).refund;
}

/** The processor's refund call, made outside any transaction; its answer applied after. */
async function refundThroughProvider(db: Database, payment: PaymentRow, refund: RefundRow, at: Date): Promise<RefundRow> {
  const provider = providerNamed(payment.provider);
  const account = payment.providerAccountId ? await findProviderAccountById(db, payment.providerAccountId) : null;
  const context = { provider: payment.provider, paymentId: payment.id, refundId: refund.id };
  if (!provider?.refund || !account) {
    log.error(context, "a payment's provider cannot refund it");
    const message = `${PROVIDER_LABELS[payment.provider]} cannot refund this payment through Kassa.`;
    return (await settleRefund(db, { refundId: refund.id, outcome: "failed", failureMessage: message, at })).refund;
  }
  let answer: Awaited<ReturnType<NonNullable<typeof provider.refund>>>;
  try {
    answer = await provider.refund(paymentRef(payment, { providerRef: payment.providerRef, takenRefs: [] }), refund.amount, accountContext(account));
  } catch (err) {
    if (err instanceof ProviderRefused) {
      log.warn({ ...context, status: err.status }, "the provider refused a refund");
      const message = `${PROVIDER_LABELS[payment.provider]} refused the refund: ${err.providerMessage}`;
      return (await settleRefund(db, { refundId: refund.id, outcome: "failed", failureMessage: message, at })).refund;
    }
    // A timeout, a network error, a 5xx, or a fault of ours: the outcome is unknown, so the
    // refund stays pending (its amount held) and reconciliation asks the processor.
    log.warn({ ...context, err: err instanceof Error ? err.name : "error" }, "the provider did not answer a refund; it waits for reconciliation");
    return refund;
  }
  const recorded = (await setRefundProviderRef(db, refund.id, answer.providerRef)) ?? refund;
  if (answer.state !== "succeeded") return recorded;
  return (await settleRefund(db, { refundId: refund.id, outcome: "succeeded", at })).refund;
}
