import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { BoletoForm } from "@/components/checkout/brazil-forms";
import { DirectDebitForm, UssdForm } from "@/components/checkout/bank-forms";
import { CardForm } from "@/components/checkout/card-form";
import { CheckoutShell } from "@/components/checkout/checkout-shell";
import { FailureNotice } from "@/components/checkout/failure-notice";
import { MobileMoneyForm } from "@/components/checkout/mobile-money-form";
import { OrderSummary } from "@/components/checkout/order-summary";
import type { RailFormProps } from "@/components/checkout/pay-form";
import { PaidView } from "@/components/checkout/paid-view";
import { PendingView } from "@/components/checkout/pending-view";
import { RailPicker } from "@/components/checkout/rail-picker";
import { PixForm, TransferForm, VirtualAccountForm } from "@/components/checkout/simple-rail-forms";
import { StatusMessage } from "@/components/checkout/status-message";
import { TimeLeft } from "@/components/checkout/time-left";
import type { SessionRow } from "@/db/queries/sessions";
import { loadCheckout, waitingPayment } from "@/lib/checkout/load-checkout";
import { decodeErrors } from "@/lib/checkout/pay-form";
import { embedOf } from "@/lib/checkout/embed";
import { fillSessionId } from "@/lib/checkout/redirects";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/i18n/format";
import { MESSAGES, t } from "@/lib/i18n/messages";
import { resolveLocale } from "@/lib/i18n/negotiate";
import { formatMoney, type Currency } from "@/lib/money/currencies";
import { isRail, type Rail } from "@/lib/rails/catalog";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { referrer: "same-origin" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function railOrder(session: SessionRow): Rail[] {
  const rails = session.paymentMethods as Rail[];
  const preferred = session.preferredPaymentMethod as Rail | null;
  return preferred && rails.includes(preferred) ? [preferred, ...rails.filter((r) => r !== preferred)] : rails;
}

// Buyer page: load the session, render by status.
export default async function CheckoutPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const at = now();
  const checkout = await loadCheckout(await getDb(), id, at);
  if (!checkout) notFound();
  const { session, merchant, payments } = checkout;

  const h = await headers();
  const locale = resolveLocale(session.locale, h.get("accept-language"));
  const m = MESSAGES[locale];
  const currency = session.currency as Currency;
  const amountText = formatMoney(session.amount, currency, locale);
  const cancelUrl = session.cancelUrl ? fillSessionId(session.cancelUrl, session.id) : null;
  const waiting = session.status === "pending" ? waitingPayment(payments) : null;

  let body: React.ReactNode;
  if (session.status === "open" || (session.status === "pending" && !waiting)) {
    const rails = railOrder(session);
    const asked = one(query.rail);
    const selected = asked && isRail(asked) && rails.includes(asked) ? asked : rails[0]!;
    const last = payments.at(-1);
    const common: RailFormProps = {
      sessionId: session.id,
      m,
      errors: decodeErrors(one(query.errors)),
      amountText,
      merchantName: merchant.name,
    };
    const forms: Record<Rail, () => React.ReactNode> = {
      card: () => (
        <CardForm
          {...common}
          installments={
            session.installments && currency === "BRL"
              ? { maxCount: session.installments.maxCount, amount: session.amount, format: (minor) => formatMoney(minor, currency, locale) }
              : null
          }
        />
      ),
      transfer: () => <TransferForm {...common} />,
      virtual_account: () => <VirtualAccountForm {...common} email={session.customer?.email ?? null} />,
      ussd: () => <UssdForm {...common} />,
      direct_debit: () => <DirectDebitForm {...common} />,
      pix: () => <PixForm {...common} />,
      boleto: () => <BoletoForm {...common} name={session.customer?.name ?? null} document={session.customer?.document?.number ?? null} />,
      mobile_money: () => <MobileMoneyForm {...common} currency={currency} phone={session.customer?.phone ?? null} />,
    };
    body = (
      <>
        <TimeLeft expiresAt={session.expiresAt.toISOString()} serverNow={at.toISOString()} label={m.timeLeft} />
        <FailureNotice failureCode={last?.status === "failed" ? last.failureCode : null} notice={one(query.notice) ?? null} m={m} />
        <RailPicker sessionId={session.id} rails={rails} selected={selected} m={m} />
        <section aria-label={m.rails[selected]}>{forms[selected]()}</section>
      </>
    );
  } else if (waiting) {
    body = (
      <PendingView sessionId={session.id} payment={waiting} livemode={session.livemode} amountText={amountText}
        merchantName={merchant.name} locale={locale} m={m} embedded={session.uiMode === "embedded"} />
    );
  } else if (session.status === "paid") {
    body = (
      <PaidView successUrl={fillSessionId(session.successUrl, session.id)} merchantName={merchant.name} m={m} embedded={session.uiMode === "embedded"} />
    );
  } else {
    body = <StatusMessage status={session.status} merchantName={merchant.name} m={m} />;
  }

  return (
    <CheckoutShell merchant={merchant} livemode={session.livemode} locale={locale} m={m} nonce={h.get("x-nonce") ?? undefined} cancelUrl={cancelUrl} embed={embedOf(session)}>
      <OrderSummary amount={session.amount} currency={currency} locale={locale} lineItems={session.lineItems} description={session.description} m={m} />
      {body}
      <title>{`${m.pageTitle} · ${merchant.name}`}</title>
      <p className="sr-only">{t(m.expiresAt, { time: formatDateTime(session.expiresAt, locale, currency) })}</p>
    </CheckoutShell>
  );
}
