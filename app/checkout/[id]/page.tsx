import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { findMerchant } from "@/db/queries/merchants";
import { CheckoutShell } from "@/components/checkout/checkout-shell";
import { OrderSummary } from "@/components/checkout/order-summary";
import { RailList } from "@/components/checkout/rail-list";
import { StatusMessage } from "@/components/checkout/status-message";
import { TimeLeft } from "@/components/checkout/time-left";
import { getSessionForBuyer } from "@/lib/checkout/get-session";
import { fillSessionId } from "@/lib/checkout/redirects";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { MESSAGES, t } from "@/lib/i18n/messages";
import { resolveLocale } from "@/lib/i18n/negotiate";
import type { Currency } from "@/lib/money/currencies";
import type { Rail } from "@/lib/rails/catalog";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Checkout", referrer: "no-referrer" };

// Buyer page: load the session, render by status.
export default async function CheckoutPage({ params }: Props) {
  const { id } = await params;
  const db = await getDb();
  const at = now();
  const session = await getSessionForBuyer(db, id, at);
  if (!session) notFound();
  const merchant = (await findMerchant(db, session.merchantId))!;
  const h = await headers();
  const locale = resolveLocale(session.locale, h.get("accept-language"));
  const m = MESSAGES[locale];
  const currency = session.currency as Currency;
  const cancelUrl = session.cancelUrl ? fillSessionId(session.cancelUrl, session.id) : null;

  if (session.status === "paid") redirect(fillSessionId(session.successUrl, session.id));

  return (
    <CheckoutShell merchant={merchant} livemode={session.livemode} locale={locale} m={m} nonce={h.get("x-nonce") ?? undefined} cancelUrl={cancelUrl}>
      <OrderSummary
        amount={session.amount}
        currency={currency}
        locale={locale}
        lineItems={session.lineItems}
        description={session.description}
        m={m}
      />
      {session.status === "open" ? (
        <>
          <TimeLeft expiresAt={session.expiresAt.toISOString()} serverNow={at.toISOString()} label={m.timeLeft} />
          <RailList rails={session.paymentMethods as Rail[]} preferred={session.preferredPaymentMethod as Rail | null} m={m} />
        </>
      ) : (
        <StatusMessage status={session.status} merchantName={merchant.name} m={m} />
      )}
      <p className="sr-only">{t(m.expiresAt, { time: session.expiresAt.toISOString() })}</p>
    </CheckoutShell>
  );
}
