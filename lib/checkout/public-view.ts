// What the buyer (whose only credential is the session id) may see: no metadata, no fees,
// no merchant settings beyond its branding, no provider data.
import { z } from "zod";
import type { MerchantRow } from "@/db/queries/merchants";
import type { PaymentRow } from "@/db/queries/payment-row";
import type { SessionRow } from "@/db/queries/sessions";
import { fillSessionId } from "./redirects";
import { byRail, nextActionObject, paymentFields, sessionObject, SESSION_STATUSES } from "./schemas";
import { headlinePayment, railAndDetails } from "./serialize";

const timestamp = z.iso.datetime();

// The merchant's payment object less what the buyer must not see (fees, refund flags, mode).
const shownFields = z.object(paymentFields).omit({ session: true, livemode: true, fee: true, netAmount: true, requiresRefund: true }).shape;
export const publicPaymentObject = byRail({ ...shownFields, expiresAt: timestamp.nullable() });

// The merchant's session object less what the buyer must not see (metadata, the merchant's
// URLs and settings), with the merchant's branding and what the page needs.
export const publicSessionObject = sessionObject
  .pick({
    id: true,
    object: true,
    livemode: true,
    status: true,
    amount: true,
    currency: true,
    lineItems: true,
    description: true,
    paymentMethods: true,
    preferredPaymentMethod: true,
    installments: true,
    locale: true,
    expiresAt: true,
    cancelUrl: true,
  })
  .extend({
    merchant: z.object({ name: z.string(), logoUrl: z.string().nullable(), brandColor: z.string().nullable() }),
    customer: z.object({ email: z.string().nullable(), name: z.string().nullable() }),
    redirectUrl: z.string().nullable().meta({ description: "Where to send the buyer once paid (successUrl, session id filled in)." }),
    payment: publicPaymentObject.nullable(),
  });

export const payResultObject = z.object({
  status: z.enum(SESSION_STATUSES),
  payment: publicPaymentObject,
  nextAction: nextActionObject.nullable(),
  redirectUrl: z.string().nullable(),
});

export type PublicPayment = z.infer<typeof publicPaymentObject>;
export type PublicSession = z.infer<typeof publicSessionObject>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function publicPayment(p: PaymentRow): PublicPayment {
  return {
    id: p.id,
    object: "payment",
    ...railAndDetails(p),
    status: p.status,
    amount: p.amount,
    currency: p.currency,
    installments: p.installments,
    failureCode: p.failureCode,
    failureMessage: p.failureMessage,
    nextAction: p.nextAction ?? null,
    expiresAt: iso(p.expiresAt),
    createdAt: p.createdAt.toISOString(),
    paidAt: iso(p.paidAt),
  };
}

export function publicSession(s: SessionRow, merchant: MerchantRow, payments: PaymentRow[]): PublicSession {
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
    merchant: { name: merchant.name, logoUrl: merchant.logoUrl, brandColor: merchant.brandColor },
    customer: { email: s.customer?.email ?? null, name: s.customer?.name ?? null },
    paymentMethods: s.paymentMethods,
    preferredPaymentMethod: s.preferredPaymentMethod ?? null,
    installments: s.installments ?? null,
    locale: s.locale,
    expiresAt: s.expiresAt.toISOString(),
    cancelUrl: s.cancelUrl ? fillSessionId(s.cancelUrl, s.id) : null,
    redirectUrl: s.status === "paid" ? fillSessionId(s.successUrl, s.id) : null,
    payment: payment ? publicPayment(payment) : null,
  };
}

/** The answer to POST /api/v1/checkout/{id}/pay. */
export function publicPayResult(session: SessionRow, payment: PaymentRow) {
  const waiting = payment.status === "pending" || payment.status === "requires_action";
  return {
    status: session.status,
    payment: publicPayment(payment),
    nextAction: waiting ? (payment.nextAction ?? null) : null,
    redirectUrl: session.status === "paid" ? fillSessionId(session.successUrl, session.id) : null,
  };
}
