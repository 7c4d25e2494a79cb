// Paying into a virtual account: the buyer's email, then the account kept for it.
import { Field, inputClass } from "@/components/ui/field";
import { formatWhen } from "@/lib/i18n/format";
import { t } from "@/lib/i18n/messages";
import { railCopy } from "@/lib/rails";
import { BankAccountInstructions } from "../bank-account-instructions";
import { fieldError, fieldId, PayForm } from "../pay-form";
import type { RailFormProps, RailPendingProps, RailView } from "./types";

function VirtualAccountForm(props: RailFormProps) {
  const { sessionId, locale, m, errors, amountText, customer } = props;
  const c = railCopy("virtual_account", locale).form;
  return (
    <PayForm sessionId={sessionId} rail="virtual_account" locale={locale} m={m} errors={errors} submitLabel={c.submit}
      hint={t(c.hint, { amount: amountText })}>
      <Field id={fieldId("virtual_account", "email")} label={c.email} error={fieldError(props, "email")}>
        {(aria) => (
          <input {...aria} name="email" type="email" className={inputClass} autoComplete="email" required maxLength={254}
            defaultValue={customer.email ?? undefined} data-check="email" />
        )}
      </Field>
    </PayForm>
  );
}

function VirtualAccountPending({ action, payment, amountText, merchantName, locale, m }: RailPendingProps) {
  if (action?.type !== "bank_transfer") return null;
  const c = railCopy("virtual_account", locale).pending;
  return (
    // One sentence: this transfer's deadline (the payment's, 30 minutes), and the account that outlives it.
    <BankAccountInstructions action={action} amount={payment.amount} amountText={amountText} currency={payment.currency} locale={locale} m={m}
      deadline={t(c.until, { when: formatWhen(new Date(action.expiresAt), locale, payment.currency), merchant: merchantName })} />
  );
}

export const virtualAccount: RailView = { Form: VirtualAccountForm, Pending: VirtualAccountPending };
