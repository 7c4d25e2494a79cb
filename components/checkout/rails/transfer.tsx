// Paying by bank transfer: one button for a one-time account, then that account.
import { t } from "@/lib/i18n/messages";
import { railCopy } from "@/lib/rails";
import { BankAccountInstructions } from "../bank-account-instructions";
import { EmailField, PayForm } from "../pay-form";
import type { RailFormProps, RailPendingProps, RailView } from "./types";

function TransferForm(props: RailFormProps) {
  const { sessionId, locale, m, errors, amountText } = props;
  const c = railCopy("transfer", locale).form;
  return (
    <PayForm sessionId={sessionId} rail="transfer" locale={locale} m={m} errors={errors} submitLabel={c.submit}
      hint={t(c.hint, { amount: amountText })}>
      <EmailField {...props} rail="transfer" label={c.email} />
    </PayForm>
  );
}

function TransferPending({ action, payment, amountText, locale, m }: RailPendingProps) {
  if (action?.type !== "bank_transfer") return null;
  return <BankAccountInstructions action={action} amount={payment.amount} amountText={amountText} currency={payment.currency} locale={locale} m={m} />;
}

export const transfer: RailView = { Form: TransferForm, Pending: TransferPending };
