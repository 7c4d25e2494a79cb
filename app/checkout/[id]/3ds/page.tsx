import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { CheckoutShell } from "@/components/checkout/checkout-shell";
import { SubmitButton } from "@/components/ui/submit-button";
import { loadCheckout, waitingPayment } from "@/lib/checkout/load-checkout";
import { fillSessionId } from "@/lib/checkout/redirects";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { MESSAGES, t } from "@/lib/i18n/messages";
import { resolveLocale } from "@/lib/i18n/negotiate";
import { formatMoney, type Currency } from "@/lib/money/currencies";
import { embedOf } from "@/lib/checkout/embed";
import { completeChallenge } from "../actions";

export const metadata: Metadata = { referrer: "same-origin" };

// The sandbox's 3-D Secure challenge: where a real issuer's page would be.
export default async function ThreeDsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const checkout = await loadCheckout(await getDb(), id, now());
  if (!checkout) notFound();
  const { session, merchant, payments } = checkout;
  if (session.status === "paid") redirect(session.uiMode === "embedded" ? `/checkout/${session.id}` : fillSessionId(session.successUrl, session.id));
  const payment = waitingPayment(payments);
  if (!payment || payment.status !== "requires_action") redirect(`/checkout/${session.id}`);

  const h = await headers();
  const locale = resolveLocale(session.locale, h.get("accept-language"));
  const m = MESSAGES[locale];
  const amount = formatMoney(session.amount, session.currency as Currency, locale);
  return (
    <CheckoutShell merchant={merchant} livemode={session.livemode} locale={locale} m={m} nonce={h.get("x-nonce") ?? undefined} cancelUrl={null} embed={embedOf(session)}>
      <title>{`${m.threeDs.title} · ${merchant.name}`}</title>
      <section aria-labelledby="tds-heading" className="space-y-4">
        <h2 id="tds-heading" className="text-lg font-semibold">
          {m.threeDs.title}
        </h2>
        {!session.livemode ? <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-200">{m.threeDs.sandboxNote}</p> : null}
        <p>{t(m.threeDs.body, { amount, merchant: merchant.name, last4: String(payment.details.last4 ?? "") })}</p>
        <form action={completeChallenge} className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <input type="hidden" name="session" value={session.id} />
          <SubmitButton name="outcome" value="complete" pendingLabel={m.pay.processing}>
            {m.threeDs.complete}
          </SubmitButton>
          <SubmitButton name="outcome" value="fail" variant="secondary" pendingLabel={m.pay.processing}>
            {m.threeDs.fail}
          </SubmitButton>
        </form>
      </section>
    </CheckoutShell>
  );
}
