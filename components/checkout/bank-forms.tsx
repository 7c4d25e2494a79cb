// Nigerian bank rails that need the buyer's bank: USSD and direct debit.
import { Field, inputClass } from "@/components/ui/field";
import { NIGERIAN_BANKS } from "@/lib/rails/ng-banks";
import { t } from "@/lib/i18n/messages";
import { fieldId, PayForm, type RailFormProps } from "./pay-form";

function BankSelect({ id, m, error }: { id: string; m: RailFormProps["m"]; error?: string }) {
  return (
    <Field id={id} label={m.pay.bank} error={error}>
      {(aria) => (
        <select {...aria} name="bank" className={inputClass} required defaultValue="" data-check="required">
          <option value="" disabled>
            {m.pay.chooseBank}
          </option>
          {NIGERIAN_BANKS.map((b) => (
            <option key={b.id} value={b.id} data-code={b.code}>
              {b.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function UssdForm({ sessionId, m, errors }: RailFormProps) {
  return (
    <PayForm sessionId={sessionId} rail="ussd" m={m} errors={errors} submitLabel={m.pay.submit.ussd} hint={m.pay.hints.ussd}>
      <BankSelect id={fieldId("ussd", "bank")} m={m} error={errors.bank ? m.pay.errors[errors.bank] : undefined} />
    </PayForm>
  );
}

export function DirectDebitForm({ sessionId, m, errors, amountText, merchantName }: RailFormProps) {
  const err = (f: keyof typeof errors) => (errors[f] ? m.pay.errors[errors[f]!] : undefined);
  const consentId = fieldId("direct_debit", "mandateConsent");
  return (
    <PayForm sessionId={sessionId} rail="direct_debit" m={m} errors={errors}
      submitLabel={t(m.pay.submit.direct_debit, { amount: amountText })} hint={t(m.pay.hints.direct_debit, { merchant: merchantName })}>
      <BankSelect id={fieldId("direct_debit", "bank")} m={m} error={err("bank")} />
      <Field id={fieldId("direct_debit", "accountNumber")} label={m.pay.accountNumber} hint={m.pay.accountNumberHint} error={err("accountNumber")}>
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
            {t(m.pay.mandateConsent, { merchant: merchantName, amount: amountText })}
          </label>
        </div>
        <p id={`${consentId}-error`} data-error-for={consentId} className="text-sm font-medium text-red-700 empty:hidden">
          {err("mandateConsent")}
        </p>
      </div>
    </PayForm>
  );
}
