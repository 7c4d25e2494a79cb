import type { PaymentRow } from "@/db/queries/payment-row";
import type { SessionRow } from "@/db/queries/sessions";
import { publicUrl } from "@/lib/env";
import type { PaymentObject, SessionObject } from "./schemas";

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

export function checkoutUrl(sessionId: string): string {
  return `${publicUrl()}/checkout/${sessionId}`;
}

// The JSON columns (details, nextAction, an event's object) hold what the provider and the
// domain wrote, whose shapes the schemas name: the row types only know them as JSON.
export function paymentToObject(p: PaymentRow): PaymentObject {
  return {
    id: p.id,
    object: "payment",
    session: p.sessionId,
    livemode: p.livemode,
    rail: p.rail,
    status: p.status,
    amount: p.amount,
    currency: p.currency,
    fee: p.fee,
    netAmount: p.netAmount,
    installments: p.installments,
    failureCode: p.failureCode,
    failureMessage: p.failureMessage,
    nextAction: p.nextAction ?? null,
    details: p.details,
    requiresRefund: p.requiresRefund,
    createdAt: iso(p.createdAt),
    paidAt: isoOrNull(p.paidAt),
  } as PaymentObject;
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
    paymentMethods: s.paymentMethods as SessionObject["paymentMethods"],
    preferredPaymentMethod: (s.preferredPaymentMethod as SessionObject["preferredPaymentMethod"]) ?? null,
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
    locale: s.locale as SessionObject["locale"],
    installments: s.installments ?? null,
    payment: payment ? paymentToObject(payment) : null,
    ...(withPayments ? { payments: payments.map(paymentToObject) } : {}),
  };
}
