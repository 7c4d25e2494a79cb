// The buyer's checkout page. Rendered on the server and sent as plain HTML with no framework
// script (unstable_runtimeJS): a cheap phone on a slow network gets a page it can use at
// once, and one small script of our own adds field checks and live updates (public/checkout.js,
// from lib/checkout/enhance). Its forms post to app/checkout/[id]/*/route.ts.
import type { GetServerSideProps, PageConfig } from "next";
import { BuyerPage, NotFoundPage } from "@/components/checkout/buyer-page";
import { FailureNotice } from "@/components/checkout/failure-notice";
import { OrderSummary } from "@/components/checkout/order-summary";
import { PaidView } from "@/components/checkout/paid-view";
import { PendingView } from "@/components/checkout/pending-view";
import { RailPicker } from "@/components/checkout/rail-picker";
import { RailForm } from "@/components/checkout/rails";
import { StatusMessage } from "@/components/checkout/status-message";
import { TimeLeft } from "@/components/checkout/time-left";
import { checkoutPageProps, type CheckoutPageProps } from "@/lib/checkout/page-props";
import { MESSAGES, t } from "@/lib/i18n/messages";
import { allowPolicy, buyerRequest } from "@/lib/checkout/buyer-request";

export const config: PageConfig = { unstable_runtimeJS: false };

export const getServerSideProps: GetServerSideProps<CheckoutPageProps> = async ({ params, query, req, res }) => {
  const { acceptLanguage, nonce } = buyerRequest(req);
  const { props, policy } = await checkoutPageProps(String(params!.id), query, acceptLanguage, nonce);
  allowPolicy(res, nonce, policy);
  if (!props.found) res.statusCode = 404;
  return { props };
};

export default function CheckoutPage(props: CheckoutPageProps) {
  if (!props.found) return <NotFoundPage locale={props.locale} />;
  const { frame, sessionId, amountText, currency, body } = props;
  const { locale } = frame;
  const m = MESSAGES[locale];
  const merchantName = frame.merchant.name;
  const embedded = frame.embed !== null;

  let content: React.ReactNode;
  if (body.state === "open") {
    content = (
      <>
        <TimeLeft expiresAt={props.expiresAt} serverNow={props.serverNow} label={m.timeLeft} />
        <FailureNotice failureCode={body.failureCode} notice={body.notice} m={m} />
        <RailPicker sessionId={sessionId} rails={body.rails} selected={body.selected} locale={locale} m={m} />
        <RailForm rail={body.selected} sessionId={sessionId} locale={locale} m={m} amount={props.amount} currency={currency}
          amountText={amountText} merchantName={merchantName} errors={body.errors} customer={body.customer} installments={body.installments} />
      </>
    );
  } else if (body.state === "pending") {
    content = (
      <PendingView sessionId={sessionId} payment={body.payment} qrSvg={body.qrSvg} livemode={frame.livemode} amountText={amountText}
        merchantName={merchantName} locale={locale} m={m} embedded={embedded} />
    );
  } else if (body.state === "paid") {
    content = <PaidView successUrl={body.successUrl} merchantName={merchantName} m={m} embedded={embedded} />;
  } else {
    content = <StatusMessage status={body.status} merchantName={merchantName} m={m} />;
  }

  return (
    <BuyerPage frame={frame} title={`${m.pageTitle} · ${merchantName}`}>
      <OrderSummary amount={props.amount} currency={currency} locale={locale} lineItems={props.lineItems} description={props.description} m={m} />
      {content}
      <p className="sr-only">{t(m.expiresAt, { time: props.expiresText })}</p>
    </BuyerPage>
  );
}
