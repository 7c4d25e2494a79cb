// What the buyer (whose only credential is the session id) may see: no metadata, no fees,
// no merchant settings beyond its branding, no provider data.
import { z } from "zod";
import type { MerchantRow } from "@/db/queries/merchants";
import type { PaymentRow } from "@/db/queries/payment-row";
import type { SessionRow } from "@/db/queries/sessions";
import { fillSessionId } from "./redirects";
import { byRail, nextActionObject, paymentFields, sessionObject, SESSION_STATUSES } from "./schemas";
import { headlinePayment, paymentToObject, sessionToObject } from "./serialize";
import { isoOrNull, timestamp } from "@/lib/clock";


// The merchant's payment object less what the buyer must not see (fees, refund flags, mode).
const HIDDEN_PAYMENT = { session: true, livemode: true, fee: true, netAmount: true, requiresRefund: true, refundedAmount: true } as const;
const shownFields = z.object(paymentFields).omit(HIDDEN_PAYMENT).shape;
export const publicPaymentObject = byRail({ ...shownFields, expiresAt: timestamp.nullable() });

const SHOWN_SESSION = {
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
} as const;

// The merchant's session object less what the buyer must not see (metadata, the merchant's
// URLs and settings), with the merchant's branding and what the page needs.
export const publicSessionObject = sessionObject
  .pick(SHOWN_SESSION)
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


/** `obj` with only the keys `mask` names, as the zod schema's pick does. */
function pickKeys<T extends object, K extends keyof T>(obj: T, mask: { readonly [P in K]: true }): Pick<T, K> {
  return Object.fromEntries(Object.keys(mask).map((k) => [k, obj[k as K]])) as Pick<T, K>;
}

/** `obj` without the keys `mask` names, as the zod schema's omit does (each variant of a union alike). */
function omitKeys<T extends object, K extends PropertyKey>(obj: T, mask: { readonly [P in K]: true }): T extends unknown ? Omit<T, K> : never {
  return Object.fromEntries(Object.entries(obj).filter(([k]) => !Object.hasOwn(mask, k))) as T extends unknown ? Omit<T, K> : never;
}

export function publicPayment(p: PaymentRow): PublicPayment {
  return { ...omitKeys(paymentToObject(p), HIDDEN_PAYMENT), expiresAt: isoOrNull(p.expiresAt) };
}

export function publicSession(s: SessionRow, merchant: MerchantRow, payments: PaymentRow[]): PublicSession {
  const payment = headlinePayment(payments);
  return {
    ...pickKeys(sessionToObject(s), SHOWN_SESSION),
    merchant: { name: merchant.name, logoUrl: merchant.logoUrl, brandColor: merchant.brandColor },
    customer: { email: s.customer?.email ?? null, name: s.customer?.name ?? null },
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
