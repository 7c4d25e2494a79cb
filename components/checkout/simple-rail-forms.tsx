// Rails whose form is a button, or a field or two: transfer, virtual account, Pix.
import { Field, inputClass } from "@/components/ui/field";
import { t } from "@/lib/i18n/messages";
import { fieldId, PayForm, type RailFormProps } from "./pay-form";

export function TransferForm({ sessionId, m, errors, amountText }: RailFormProps) {
  return (
    <PayForm sessionId={sessionId} rail="transfer" m={m} errors={errors} submitLabel={m.pay.submit.transfer}
      hint={t(m.pay.hints.transfer, { amount: amountText })} />
  );
}

export function VirtualAccountForm({ sessionId, m, errors, amountText, email }: RailFormProps & { email: string | null }) {
  const id = fieldId("virtual_account", "email");
  return (
    <PayForm sessionId={sessionId} rail="virtual_account" m={m} errors={errors} submitLabel={m.pay.submit.virtual_account}
      hint={t(m.pay.hints.virtual_account, { amount: amountText })}>
      <Field id={id} label={m.pay.email} error={errors.email ? m.pay.errors[errors.email] : undefined}>
        {(aria) => (
          <input {...aria} name="email" type="email" className={inputClass} autoComplete="email" required maxLength={254}
            defaultValue={email ?? undefined} data-check="email" />
        )}
      </Field>
    </PayForm>
  );
}

export function PixForm({ sessionId, m, errors }: RailFormProps) {
  return <PayForm sessionId={sessionId} rail="pix" m={m} errors={errors} submitLabel={m.pay.submit.pix} hint={m.pay.hints.pix} />;
}
