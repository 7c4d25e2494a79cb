// Paying by direct debit: bank, account number and consent to the mandate; then the wait for the debit.
import { Field, inputClass } from "@/components/ui/field";
import { t } from "@/lib/i18n/messages";
import { railCopy } from "@/lib/rails";
import { BankSelect } from "../bank-select";
import { EmailField, fieldError, fieldId, PayForm } from "../pay-form";
import { ProviderPageLink } from "../provider-page-link";
import { WhatNext } from "../what-next";
import type { RailFormProps, RailPendingProps, RailView } from "./types";

function DirectDebitForm(props: RailFormProps) {
  const { sessionId, locale, m, errors, amountText, merchantName, embedded, provider } = props;
  const c = railCopy("direct_debit", locale).form;
  const consentId = fieldId("direct_debit", "mandateConsent");
  return (
    <PayForm sessionId={sessionId} rail="direct_debit" locale={locale} m={m} errors={errors}
      target={embedded && provider?.name ? "_top" : undefined}
      submitLabel={t(c.submit, { amount: amountText })} hint={t(c.hint, { merchant: merchantName })}>
      <BankSelect id={fieldId("direct_debit", "bank")} locale={locale} error={fieldError(props, "bank")} />
      <EmailField {...props} rail="direct_debit" label={c.email} />
      <Field id={fieldId("direct_debit", "accountNumber")} label={c.accountNumber} hint={c.accountNumberHint} error={fieldError(props, "accountNumber")}>
        {(aria) => (
          <input {...aria} name="accountNumber" className={`${inputClass} font-mono`} inputMode="numeric" autoComplete="off"
            required maxLength={10} pattern="\d{10}" data-check="nuban" />
        )}
      </Field>
      <div className="space-y-1">
        <div className="flex items-start gap-3">
          <input id={consentId} name="mandateConsent" type="checkbox" required data-check="consent"
            aria-describedby={`${consentId}-error`} aria-invalid={errors.mandateConsent ? true : undefined}
            className="mt-1 h-5 w-5 shrink-0 accent-slate-900" />
          <label htmlFor={consentId} className="text-sm text-slate-900">
            {t(c.consent, { merchant: merchantName, amount: amountText })}
          </label>
        </div>
        <p id={`${consentId}-error`} data-error-for={consentId} className="text-sm font-medium text-red-700 empty:hidden">
          {fieldError(props, "mandateConsent")}
        </p>
      </div>
    </PayForm>
  );
}

function DirectDebitPending({ action, payment, amountText, merchantName, locale, m, embedded, returnUrl, emailedTo }: RailPendingProps) {
  const c = railCopy("direct_debit", locale).pending;
  if (action?.type === "redirect_to_url") {
    const provider = payment.providerName ?? "";
    return <ProviderPageLink url={action.url} title={t(c.mandateTitle, { provider })} label={t(c.mandateContinue, { provider })} embedded={embedded} />;
  }
  if (action?.type !== "await_debit") return null;
  return (
    <div className="space-y-2">
      <h3 className="font-semibold">{c.title}</h3>
      <p className="text-slate-700">{t(c.body, { bank: action.bank, amount: amountText, account: String(payment.details.accountNumber) })}</p>
      <WhatNext next={t(c.next, { amount: amountText, merchant: merchantName })} merchantName={merchantName} returnUrl={returnUrl} emailedTo={emailedTo} embedded={embedded} m={m} />
    </div>
  );
}

export const directDebit: RailView = { Form: DirectDebitForm, Pending: DirectDebitPending };
