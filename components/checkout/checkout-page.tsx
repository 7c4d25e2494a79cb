// The buyer's checkout page of one session, by state: the rail picker and the chosen rail's
// form, the pending payment's instructions, the paid view, or why the session is closed.
// Rendered to plain HTML by app/checkout/[id]/route.tsx; its forms post to app/checkout/[id]/*.
import type { PageAssets } from "@/lib/api/buyer-page";
import type { CheckoutPageProps } from "@/lib/checkout/page-props";
import { MESSAGES, t } from "@/lib/i18n/messages";
import { BuyerPage } from "./buyer-page";
import { FailureNotice } from "./failure-notice";
import { OrderSummary } from "./order-summary";
import { PaidView } from "./paid-view";
import { PendingView } from "./pending-view";
import { RailPicker } from "./rail-picker";
import { RailForm } from "./rails";
import { StatusMessage } from "./status-message";
import { TimeLeft } from "./time-left";

type Props = Extract<CheckoutPageProps, { found: true }> & { assets: PageAssets };

export function CheckoutPageView(props: Props) {
  const { frame, sessionId, amountText, currency, body } = props;
  const { locale } = frame;
  const m = MESSAGES[locale];
  const merchantName = frame.merchant.name;
  const embedded = frame.embed !== null;

  let content: React.ReactNode;
  if (body.state === "open") {
    content = (
      <>
        <FailureNotice failureCode={body.failureCode} notice={body.notice} otherRails={body.rails.length > 1} m={m} />
        <RailPicker sessionId={sessionId} rails={body.rails} selected={body.selected} locale={locale} m={m} />
        <RailForm rail={body.selected} sessionId={sessionId} locale={locale} m={m} amount={props.amount} currency={currency}
          amountText={amountText} merchantName={merchantName} errors={body.errors} customer={body.customer} installments={body.installments}
          provider={body.providers[body.selected]} embedded={embedded} focus={body.chosen} />
      </>
    );
  } else if (body.state === "pending") {
    content = (
      <PendingView sessionId={sessionId} payment={body.payment} qrSvg={body.qrSvg} returnUrl={body.returnUrl} emailedTo={body.emailedTo} livemode={frame.livemode} amountText={amountText}
        merchantName={merchantName} locale={locale} m={m} embedded={embedded} />
    );
  } else if (body.state === "paid") {
    content = <PaidView successUrl={body.successUrl} merchantName={merchantName} m={m} embedded={embedded} />;
  } else {
    content = <StatusMessage status={body.status} merchantName={merchantName} m={m} />;
  }

  return (
    <BuyerPage
      frame={frame}
      title={`${m.pageTitle} · ${merchantName}`}
      assets={props.assets}
      summary={
        <>
          <OrderSummary amount={props.amount} currency={currency} locale={locale} lineItems={props.lineItems} description={props.description} m={m} />
          {body.state === "open" ? <TimeLeft expiresAt={props.expiresAt} serverNow={props.serverNow} label={m.timeLeft} warning={m.timeAlmostUp} /> : null}
        </>
      }
    >
      {content}
      {/* Only an open session's deadline is the buyer's: a waiting payment's own is in its instructions. */}
      {body.state === "open" ? <p className="sr-only">{t(m.expiresOn, { when: props.expiresText })}</p> : null}
    </BuyerPage>
  );
}
