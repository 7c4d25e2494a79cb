// The buyer's checkout page of one session, by state: the rail picker and the chosen rail's
// form, the pending payment's instructions, the paid view, or why the session is closed.
// Rendered to plain HTML by app/checkout/[id]/route.tsx; its forms post to app/checkout/[id]/*.
import type { PageAssets } from "@/lib/api/buyer-page";
import type { CheckoutPageProps } from "@/lib/checkout/page-props";
import { MESSAGES, t } from "@/lib/i18n/messages";
import { formatMoney } from "@/lib/money/currencies";
import type { Rail } from "@/lib/rails/catalog";
import { DirectDebitForm, UssdForm } from "./bank-forms";
import { BoletoForm } from "./brazil-forms";
import { BuyerPage } from "./buyer-page";
import { CardForm } from "./card-form";
import { FailureNotice } from "./failure-notice";
import { MobileMoneyForm } from "./mobile-money-form";
import { OrderSummary } from "./order-summary";
import { PaidView } from "./paid-view";
import type { RailFormProps } from "./pay-form";
import { PendingView } from "./pending-view";
import { RailPicker } from "./rail-picker";
import { PixForm, TransferForm, VirtualAccountForm } from "./simple-rail-forms";
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
    const common: RailFormProps = { sessionId, m, errors: body.errors, amountText, merchantName };
    const { customer } = body;
    const forms: Record<Rail, () => React.ReactNode> = {
      card: () => (
        <CardForm
          {...common}
          installments={
            body.installments
              ? { maxCount: body.installments, amount: props.amount, format: (minor) => formatMoney(minor, currency, locale) }
              : null
          }
        />
      ),
      transfer: () => <TransferForm {...common} />,
      virtual_account: () => <VirtualAccountForm {...common} email={customer.email} />,
      ussd: () => <UssdForm {...common} />,
      direct_debit: () => <DirectDebitForm {...common} />,
      pix: () => <PixForm {...common} />,
      boleto: () => <BoletoForm {...common} name={customer.name} document={customer.document} />,
      mobile_money: () => <MobileMoneyForm {...common} currency={currency} phone={customer.phone} />,
    };
    content = (
      <>
        <TimeLeft expiresAt={props.expiresAt} serverNow={props.serverNow} label={m.timeLeft} />
        <FailureNotice failureCode={body.failureCode} notice={body.notice} m={m} />
        <RailPicker sessionId={sessionId} rails={body.rails} selected={body.selected} m={m} />
        <section aria-label={m.rails[body.selected]}>{forms[body.selected]()}</section>
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
    <BuyerPage frame={frame} title={`${m.pageTitle} · ${merchantName}`} assets={props.assets}>
      <OrderSummary amount={props.amount} currency={currency} locale={locale} lineItems={props.lineItems} description={props.description} m={m} />
      {content}
      <p className="sr-only">{t(m.expiresAt, { time: props.expiresText })}</p>
    </BuyerPage>
  );
}
