// What a receipt says (SPEC 9): the facts of a succeeded payment, worded in the buyer's
// language, for the printable page (components/checkout/receipt-page.tsx) and the email
// (lib/mail/compose.ts) alike.
import type { Database } from "@/db/client";
import { findMerchant, type MerchantRow } from "@/db/queries/merchants";
import type { PaymentRow } from "@/db/queries/payment-row";
import { findPaymentById } from "@/db/queries/payments";
import { findSessionById, type SessionRow } from "@/db/queries/sessions";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { resolveLocale } from "@/lib/i18n/negotiate";
import { t } from "@/lib/i18n/messages";
import { formatMoney } from "@/lib/money/currencies";
import { RAIL_MODULES } from "@/lib/rails";
import { BRAND_NAMES, type CardBrand } from "@/lib/rails/card/card";
import { RECEIPT_COPY, type ReceiptCopy } from "./receipt-copy";
import { receiptUrl } from "./serialize";

export type Receipt = {
  locale: Locale;
  copy: ReceiptCopy;
  merchantName: string;
  brandColor: string | null;
  livemode: boolean;
  description: string | null;
  items: { name: string; quantity: number; amount: string }[];
  total: string;
  /** What was given back, when anything was (succeeded or pending refunds). */
  refunded: string | null;
  paidOn: string;
  method: string;
  number: string;
  url: string;
};

export type SessionPayment = { session: SessionRow; payment: PaymentRow; merchant: MerchantRow };

/** A payment of that session, with the session and its merchant; null when any is missing or the payment is another session's. */
export async function findSessionPayment(db: Database, sessionId: string, paymentId: string): Promise<SessionPayment | null> {
  const [session, payment] = await Promise.all([findSessionById(db, sessionId), findPaymentById(db, paymentId)]);
  if (!session || !payment || payment.sessionId !== session.id) return null;
  const merchant = await findMerchant(db, session.merchantId);
  return merchant && { session, payment, merchant };
}

/** The session, payment and merchant of a receipt: a succeeded payment of that session, or null. */
export async function findReceipt(db: Database, sessionId: string, paymentId: string): Promise<SessionPayment | null> {
  const found = await findSessionPayment(db, sessionId, paymentId);
  return found && found.payment.status === "succeeded" && found.payment.paidAt ? found : null;
}

/** The language of the buyer's mail and receipt: the session's, else the one their page spoke. */
export function buyerLanguage(session: SessionRow): Locale {
  return session.locale !== "auto" ? resolveLocale(session.locale, null) : (session.buyerLocale ?? "en");
}

/** How the buyer paid, in words: "Visa ending in 4242", "Pix". */
export function paymentMethodWords(payment: PaymentRow, locale: Locale): string {
  const copy = RECEIPT_COPY[locale];
  const name = RAIL_MODULES[payment.rail].copy[locale].name;
  if (payment.rail !== "card") return name;
  const d = payment.details as { brand?: string | null; last4?: string | null };
  const brand = (d.brand && BRAND_NAMES[d.brand as CardBrand]) || name;
  const card = d.last4 ? t(copy.cardEnding, { brand, last4: d.last4 }) : brand;
  return payment.installments && payment.installments > 1 ? t(copy.installments, { method: card, n: payment.installments }) : card;
}

export function receiptOf(session: SessionRow, payment: PaymentRow, merchant: MerchantRow, locale: Locale): Receipt {
  const money = (minor: number) => formatMoney(minor, payment.currency, locale);
  return {
    locale,
    copy: RECEIPT_COPY[locale],
    merchantName: merchant.name,
    brandColor: merchant.brandColor,
    livemode: payment.livemode,
    description: session.description,
    items: (session.lineItems ?? []).map((li) => ({ name: li.name, quantity: li.quantity, amount: money(li.unitAmount * li.quantity) })),
    total: money(payment.amount),
    refunded: payment.refundedAmount > 0 ? money(payment.refundedAmount) : null,
    paidOn: formatDateTime(payment.paidAt!, locale, payment.currency),
    method: paymentMethodWords(payment, locale),
    number: payment.id,
    url: receiptUrl(session.id, payment.id),
  };
}
