// What the buyer's pages render, worked out before rendering: plain data (dates as ISO strings,
// the Pix QR code as SVG text), so that rendering only turns it into HTML. The page components
// (components/checkout) render these; app/checkout/[id]/route.tsx and its 3ds step serve them.
import type { PaymentRow } from "@/db/queries/payment-row";
import type { LineItem } from "@/db/shapes";
import { now } from "@/lib/clock";
import { mailEnabled } from "@/lib/env";
import { INSTRUCTED_RAILS, mailRecipient } from "@/lib/events/mail";
import { getDb } from "@/lib/db";
import { formatWhen } from "@/lib/i18n/format";
import { MESSAGES, t } from "@/lib/i18n/messages";
import { resolveLocale } from "@/lib/i18n/negotiate";
import { formatMoney, type Currency } from "@/lib/money/currencies";
import { routesFor, type ProviderName, type Route } from "@/lib/providers";
import { PROVIDER_LABELS } from "@/lib/providers/labels";
import { isRail, railTakes, type Rail } from "@/lib/rails";
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

export type WaitingPayment = Pick<PaymentRow, "id" | "rail" | "amount" | "currency" | "details" | "nextAction" | "provider"> & {
  /** The processor's name as the buyer reads it, or null for the sandbox. */
  providerName: string | null;
  /** The buyer sends this money themselves, and the merchant refunds money that arrives after the session is paid (SPEC 9): the page says so by "pay another way". */
  lateMoneyRefunded: boolean;
};

/** The rails whose money the buyer sends from their own bank or app: it may still arrive after they pay another way. */
const SENT_BY_BUYER: readonly Rail[] = ["transfer", "virtual_account", "ussd", "pix", "boleto"];

/** What a rail's form needs to know of the processor that takes it. */
export type RailProvider = {
  /** The processor's name as the buyer reads it ("Paystack"), or null for the sandbox. */
  name: string | null;
  /** The card is typed on the processor's own page: the form has no card fields. */
  hostedCard: boolean;
  /** The processor needs an email the session does not have: the form asks for it. */
  asksEmail: boolean;
  /** The banks the processor can take the rail from, when it cannot take every one. */
  banks: readonly string[] | null;
};

/** The processor's name as the buyer reads it; the sandbox has none (its page says "Test mode"). */
const buyerLabel = (name: ProviderName): string | null => (name === "sandbox" ? null : PROVIDER_LABELS[name]);

function railProviders(routes: Partial<Record<Rail, Route>>, customerEmail: string | null): Partial<Record<Rail, RailProvider>> {
  const out: Partial<Record<Rail, RailProvider>> = {};
  for (const [rail, route] of Object.entries(routes) as [Rail, Route][]) {
    out[rail] = {
      name: buyerLabel(route.provider.name),
      hostedCard: route.provider.hostedCards,
      asksEmail: route.provider.needsEmail && !customerEmail,
      banks: route.provider.banksFor?.(rail) ?? null,
    };
  }
  return out;
}

export type CheckoutBody =
  | {
      state: "open";
      rails: Rail[];
      selected: Rail;
      /** The buyer chose this rail (a picker link, or back from a failed attempt): focus goes to its form. */
      chosen: boolean;
      errors: FormErrors;
      notice: string | null;
      failureCode: string | null;
      /** A BRL card payment may be split: the most instalments the merchant allows. */
      installments: number | null;
      /** Who takes each offered rail, as the forms need to know it. */
      providers: Partial<Record<Rail, RailProvider>>;
      customer: { email: string | null; name: string | null; document: string | null; phone: string | null };
    }
  | {
      state: "pending";
      payment: WaitingPayment;
      qrSvg: string | null;
      /** The merchant's successUrl for this session: the buyer may go back while a slow payment is on its way (the merchant reads `pending`). */
      returnUrl: string;
      /** Where the payment's instructions were mailed (lib/events/mail.ts), or null. */
      emailedTo: string | null;
    }
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

function railOrder({ session }: Checkout, routes: Partial<Record<Rail, Route>>): Rail[] {
  // A rail nothing serves any more (its account was disabled) is not offered (SPEC 8), nor one
  // that cannot ask for exactly the total (a session made before it learnt so).
  const rails = session.paymentMethods.filter((r) => routes[r] && railTakes(r, session.currency, session.amount));
  const preferred = session.preferredPaymentMethod;
  return preferred && rails.includes(preferred) ? [preferred, ...rails.filter((r) => r !== preferred)] : rails;
}

function waitingOf(payment: PaymentRow, { merchant }: Checkout): WaitingPayment {
  const { id, rail, amount, currency, details, nextAction, provider } = payment;
  const lateMoneyRefunded = merchant.autoRefundDuplicates && SENT_BY_BUYER.includes(rail);
  return { id, rail, amount, currency, details, nextAction, provider, providerName: buyerLabel(provider), lateMoneyRefunded };
}

async function bodyOf(checkout: Checkout, routes: Partial<Record<Rail, Route>>, query: URLSearchParams, amountText: string, locale: Locale): Promise<CheckoutBody> {
  const { session, payments } = checkout;
  const waiting = session.status === "pending" ? waitingPayment(payments) : null;
  if (session.status === "open" || (session.status === "pending" && !waiting)) {
    const rails = railOrder(checkout, routes);
    // Every rail it offered lost its provider (an account disabled since): nothing can be paid here now.
    if (!rails.length) return { state: "closed", status: "failed" };
    const asked = query.get("rail");
    const last = payments.at(-1);
    const c = session.customer;
    return {
      state: "open",
      rails,
      selected: asked && isRail(asked) && rails.includes(asked) ? asked : rails[0]!,
      chosen: asked !== null,
      errors: decodeErrors(query.get("errors") ?? undefined),
      notice: query.get("notice"),
      failureCode: last?.status === "failed" ? last.failureCode : null,
      installments: session.installments && session.currency === "BRL" ? session.installments.maxCount : null,
      providers: railProviders(routes, session.customerEmail),
      customer: { email: c?.email ?? null, name: c?.name ?? null, document: c?.document?.number ?? null, phone: c?.phone ?? null },
    };
  }
  if (waiting) {
    const action = waiting.nextAction;
    const qrSvg = action?.type === "pix" ? await pixQrSvg(action.brCode, t(MESSAGES[locale].pending.pixQrLabel, { amount: amountText })) : null;
    const emailedTo = mailEnabled() && INSTRUCTED_RAILS.includes(waiting.rail) ? mailRecipient(session.buyerEmail, session.customer?.email) : null;
    return { state: "pending", payment: waitingOf(waiting, checkout), qrSvg, returnUrl: fillSessionId(session.successUrl, session.id), emailedTo };
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
  const routes = await routesFor(await getDb(), { merchantId: session.merchantId, livemode: session.livemode }, currency);
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
    expiresText: formatWhen(session.expiresAt, locale, currency),
    serverNow: at.toISOString(),
    body: await bodyOf(checkout, routes, query, amountText, locale),
  };
  const policy = framePolicyOf(session);
  // The pay form may lead to a processor's own page (the card, in live mode).
  const pages = Object.values(routes).flatMap((r) => r.provider.pageOrigins());
  return { props, policy: { ...policy, formTargets: [...new Set([...policy.formTargets, ...pages])] } };
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
