// What the buyer's pages render, worked out before rendering: plain data (dates as ISO strings,
// the Pix QR code as SVG text), so that rendering only turns it into HTML. The page components
// (components/checkout) render these; app/checkout/[id]/route.tsx and its 3ds step serve them.
import type { PaymentRow } from "@/db/queries/payment-row";
import type { LineItem } from "@/db/shapes";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/i18n/format";
import { MESSAGES, t } from "@/lib/i18n/messages";
import { resolveLocale } from "@/lib/i18n/negotiate";
import { formatMoney, type Currency } from "@/lib/money/currencies";
import { isRail, type Rail } from "@/lib/rails";
import { pixQrSvg } from "@/lib/rails/pix/pix";
import type { FramePolicy } from "@/lib/security/csp";
import { embedOf, type EmbedInfo } from "./embed";
import { framePolicyOf } from "./frame-policy";
import { loadCheckout, waitingPayment, type Checkout } from "./load-checkout";
import { decodeErrors, type FormErrors } from "./pay-form";
import { fillSessionId } from "./redirects";
import type { Locale } from "@/lib/i18n/locales";
import type { SessionStatus } from "@/db/queries/sessions";

/** What every buyer page shares: who is selling, in which language, under which nonce. */
export type Frame = {
  locale: Locale;
  nonce: string | null;
  merchant: { name: string; brandColor: string | null; logoUrl: string | null };
  livemode: boolean;
  cancelUrl: string | null;
  embed: EmbedInfo | null;
};

export type WaitingPayment = Pick<PaymentRow, "id" | "rail" | "currency" | "details" | "nextAction">;

export type CheckoutBody =
  | {
      state: "open";
      rails: Rail[];
      selected: Rail;
      errors: FormErrors;
      notice: string | null;
      failureCode: string | null;
      /** A BRL card payment may be split: the most instalments the merchant allows. */
      installments: number | null;
      customer: { email: string | null; name: string | null; document: string | null; phone: string | null };
    }
  | { state: "pending"; payment: WaitingPayment; qrSvg: string | null }
  | { state: "paid"; successUrl: string }
  | { state: "closed"; status: SessionStatus };

export type CheckoutPageProps =
  | { found: false; locale: Locale }
  | {
      found: true;
      frame: Frame;
      sessionId: string;
      amount: number;
      currency: Currency;
      amountText: string;
      lineItems: LineItem[] | null;
      description: string | null;
      expiresAt: string;
      expiresText: string;
      serverNow: string;
      body: CheckoutBody;
    };

function frameOf({ session, merchant }: Checkout, locale: Locale, nonce: string | null, cancel: boolean): Frame {
  return {
    locale,
    nonce,
    merchant: { name: merchant.name, brandColor: merchant.brandColor, logoUrl: merchant.logoUrl },
    livemode: session.livemode,
    cancelUrl: cancel && session.cancelUrl ? fillSessionId(session.cancelUrl, session.id) : null,
    embed: embedOf(session),
  };
}

function railOrder({ session }: Checkout): Rail[] {
  const rails = session.paymentMethods;
  const preferred = session.preferredPaymentMethod;
  return preferred && rails.includes(preferred) ? [preferred, ...rails.filter((r) => r !== preferred)] : rails;
}

function waitingOf(payment: PaymentRow): WaitingPayment {
  const { id, rail, currency, details, nextAction } = payment;
  return { id, rail, currency, details, nextAction };
}

async function bodyOf(checkout: Checkout, query: URLSearchParams, amountText: string, locale: Locale): Promise<CheckoutBody> {
  const { session, payments } = checkout;
  const waiting = session.status === "pending" ? waitingPayment(payments) : null;
  if (session.status === "open" || (session.status === "pending" && !waiting)) {
    const rails = railOrder(checkout);
    const asked = query.get("rail");
    const last = payments.at(-1);
    const c = session.customer;
    return {
      state: "open",
      rails,
      selected: asked && isRail(asked) && rails.includes(asked) ? asked : rails[0]!,
      errors: decodeErrors(query.get("errors") ?? undefined),
      notice: query.get("notice"),
      failureCode: last?.status === "failed" ? last.failureCode : null,
      installments: session.installments && session.currency === "BRL" ? session.installments.maxCount : null,
      customer: { email: c?.email ?? null, name: c?.name ?? null, document: c?.document?.number ?? null, phone: c?.phone ?? null },
    };
  }
  if (waiting) {
    const action = waiting.nextAction;
    const qrSvg = action?.type === "pix" ? await pixQrSvg(action.brCode, t(MESSAGES[locale].pending.pixQrLabel, { amount: amountText })) : null;
    return { state: "pending", payment: waitingOf(waiting), qrSvg };
  }
  if (session.status === "paid") return { state: "paid", successUrl: fillSessionId(session.successUrl, session.id) };
  return { state: "closed", status: session.status };
}

/** A page's props, and for a session's page the frame and form policy its CSP allows. */
export type BuyerPage<P> = { props: P; policy: FramePolicy | null };

/** The checkout page of session `id`, as the buyer's browser (Accept-Language) and the page's query ask. */
export async function checkoutPageProps(
  id: string,
  query: URLSearchParams,
  acceptLanguage: string | null,
  nonce: string | null,
): Promise<BuyerPage<CheckoutPageProps>> {
  const at = now();
  const checkout = await loadCheckout(await getDb(), id, at);
  if (!checkout) return { props: { found: false, locale: resolveLocale("auto", acceptLanguage) }, policy: null };
  const { session } = checkout;
  const locale = resolveLocale(session.locale, acceptLanguage);
  const currency = session.currency;
  const amountText = formatMoney(session.amount, currency, locale);
  const props: CheckoutPageProps = {
    found: true,
    frame: frameOf(checkout, locale, nonce, true),
    sessionId: session.id,
    amount: session.amount,
    currency,
    amountText,
    lineItems: session.lineItems,
    description: session.description,
    expiresAt: session.expiresAt.toISOString(),
    expiresText: formatDateTime(session.expiresAt, locale, currency),
    serverNow: at.toISOString(),
    body: await bodyOf(checkout, query, amountText, locale),
  };
  return { props, policy: framePolicyOf(session) };
}

export type ChallengePageProps =
  | { found: false; locale: Locale }
  | { found: true; frame: Frame; sessionId: string; amountText: string; last4: string }
  | { found: true; redirect: string };

/** The sandbox's 3-D Secure challenge of session `id`; elsewhere when nothing waits for one. */
export async function challengePageProps(id: string, acceptLanguage: string | null, nonce: string | null): Promise<BuyerPage<ChallengePageProps>> {
  const checkout = await loadCheckout(await getDb(), id, now());
  if (!checkout) return { props: { found: false, locale: resolveLocale("auto", acceptLanguage) }, policy: null };
  const { session, payments } = checkout;
  const go = (redirect: string) => ({ props: { found: true as const, redirect }, policy: null });
  if (session.status === "paid") return go(session.uiMode === "embedded" ? `/checkout/${session.id}` : fillSessionId(session.successUrl, session.id));
  const payment = waitingPayment(payments);
  if (!payment || payment.status !== "requires_action") return go(`/checkout/${session.id}`);
  const locale = resolveLocale(session.locale, acceptLanguage);
  return {
    props: {
      found: true,
      frame: frameOf(checkout, locale, nonce, false),
      sessionId: session.id,
      amountText: formatMoney(session.amount, session.currency, locale),
      last4: String(payment.details.last4 ?? ""),
    },
    policy: framePolicyOf(session),
  };
}
