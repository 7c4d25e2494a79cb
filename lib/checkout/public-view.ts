// What the buyer (whose only credential is the session id) may see: no metadata, no fees,
// no merchant settings beyond its branding, no provider data.
import { z } from "zod";
import type { MerchantRow } from "@/db/queries/merchants";
import type { PaymentRow, SessionRow } from "@/db/queries/sessions";
import { RAILS, type Rail } from "@/lib/rails";
import { fillSessionId } from "./redirects";
import { LOCALES } from "@/lib/i18n/locales";
import { byRail, nextActionObject, paymentFields, SESSION_STATUSES } from "./schemas";
import { headlinePayment } from "./serialize";

const rail = z.enum(RAILS as [Rail, ...Rail[]]);
const timestamp = z.iso.datetime();

// The merchant's payment object less what the buyer must not see (fees, refund flags, mode).
const shownFields = z.object(paymentFields).omit({ session: true, livemode: true, fee: true, netAmount: true, requiresRefund: true }).shape;
export const publicPaymentObject = byRail({ ...shownFields, expiresAt: timestamp.nullable() });

export const publicSessionObject = z.object({
  id: z.string(),
  object: z.literal("checkout.session"),
  livemode: z.boolean(),
  status: z.enum(SESSION_STATUSES),
  amount: z.int(),
  currency: z.string(),
  lineItems: z
    .array(z.object({ name: z.string(), unitAmount: z.int(), quantity: z.int(), description: z.string().optional(), imageUrl: z.string().optional() }))
    .nullable(),
  description: z.string().nullable(),
  merchant: z.object({ name: z.string(), logoUrl: z.string().nullable(), brandColor: z.string().nullable() }),
  customer: z.object({ email: z.string().nullable(), name: z.string().nullable() }),
  paymentMethods: z.array(rail),
  preferredPaymentMethod: rail.nullable(),
  installments: z.object({ maxCount: z.int() }).nullable(),
  locale: z.enum(["auto", ...LOCALES]),
  expiresAt: timestamp,
  cancelUrl: z.string().nullable(),
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
  // details and nextAction hold what the rail produced (see paymentToObject).
  return {
    id: p.id,
    object: "payment",
    rail: p.rail as Rail,
    status: p.status,
    amount: p.amount,
    currency: p.currency,
    installments: p.installments,
    failureCode: p.failureCode,
    failureMessage: p.failureMessage,
    nextAction: p.nextAction ?? null,
    details: p.details,
    expiresAt: iso(p.expiresAt),
    createdAt: p.createdAt.toISOString(),
    paidAt: iso(p.paidAt),
  } as PublicPayment;
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
    paymentMethods: s.paymentMethods as Rail[],
    preferredPaymentMethod: (s.preferredPaymentMethod as Rail | null) ?? null,
    installments: s.installments ?? null,
    locale: s.locale as PublicSession["locale"],
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
