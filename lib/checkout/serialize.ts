import type { PaymentRow } from "@/db/queries/payment-row";
import type { RefundRow } from "@/db/queries/refunds";
import type { SessionRow } from "@/db/queries/sessions";
import type { z } from "zod";
import { publicUrl } from "@/lib/env";
import type { Rail } from "@/lib/rails";
import type { PaymentObject, railDetails, RefundObject, SessionObject } from "./schemas";
import { iso, isoOrNull } from "@/lib/clock";


export function checkoutUrl(sessionId: string): string {
  return `${publicUrl()}/checkout/${sessionId}`;
}

/** The printable receipt of a succeeded payment (SPEC 9): the session's page, then the payment. */
export function receiptUrl(sessionId: string, paymentId: string): string {
  return `${checkoutUrl(sessionId)}/receipt?payment=${paymentId}`;
}

/** A payment's rail with the details that rail produced: one variant of the payment objects. */
export type RailAndDetails = { [R in Rail]: { rail: R; details: z.output<(typeof railDetails)[R]> | null } }[Rail];

/**
 * The row's rail and details as the variant they make. The one assertion about a payment row:
 * no column type can say that `details` holds what `rail` produces, but the one writer
 * (paySession) stores the provider's details for the rail it asked it to take.
 */
export function railAndDetails(p: PaymentRow): RailAndDetails {
  // A payment the provider refused or never answered has produced nothing: stored as {}, shown as null.
  return { rail: p.rail, details: Object.keys(p.details).length ? p.details : null } as RailAndDetails;
}

export function paymentToObject(p: PaymentRow): PaymentObject {
  return {
    id: p.id,
    object: "payment",
    session: p.sessionId,
    livemode: p.livemode,
    ...railAndDetails(p),
    status: p.status,
    amount: p.amount,
    currency: p.currency,
    fee: p.fee,
    netAmount: p.netAmount,
    installments: p.installments,
    failureCode: p.failureCode,
    failureMessage: p.failureMessage,
    nextAction: p.nextAction ?? null,
    requiresRefund: p.requiresRefund,
    refundedAmount: p.refundedAmount,
    receiptUrl: p.status === "succeeded" ? receiptUrl(p.sessionId, p.id) : null,
    createdAt: iso(p.createdAt),
    paidAt: isoOrNull(p.paidAt),
  };
}

/** The payment a session shows: the succeeded one, else the latest attempt. */
export function headlinePayment(payments: PaymentRow[]): PaymentRow | null {
  return payments.find((p) => p.status === "succeeded" && !p.requiresRefund) ?? payments.at(-1) ?? null;
}

export function sessionToObject(s: SessionRow, payments: PaymentRow[] = [], withPayments = false): SessionObject {
  const payment = headlinePayment(payments);
  return {
    id: s.id,
    object: "checkout.session",
    livemode: s.livemode,
    status: s.status,
    amount: s.amount,
    currency: s.currency,
    lineItems: s.lineItems ?? null,
    description: s.description,
    customer: s.customer ?? null,
    customerDetails: { email: s.buyerEmail, name: s.buyerName, phone: s.buyerPhone },
    paymentMethods: s.paymentMethods,
    preferredPaymentMethod: s.preferredPaymentMethod ?? null,
    mode: s.uiMode,
    checkoutUrl: checkoutUrl(s.id),
    successUrl: s.successUrl,
    cancelUrl: s.cancelUrl,
    allowedOrigins: s.allowedOrigins,
    expiresAt: iso(s.expiresAt),
    createdAt: iso(s.createdAt),
    paidAt: isoOrNull(s.paidAt),
    metadata: s.metadata,
    clientReferenceId: s.clientReferenceId,
    locale: s.locale,
    installments: s.installments ?? null,
    payment: payment ? paymentToObject(payment) : null,
    ...(withPayments ? { payments: payments.map(paymentToObject) } : {}),
  };
}

export function refundToObject(r: RefundRow): RefundObject {
  return {
    id: r.id,
    object: "refund",
    payment: r.paymentId,
    livemode: r.livemode,
    amount: r.amount,
    currency: r.currency,
    status: r.status,
    reason: r.reason,
    failureMessage: r.failureMessage,
    metadata: r.metadata,
    createdAt: iso(r.createdAt),
    settledAt: isoOrNull(r.settledAt),
  };
}
