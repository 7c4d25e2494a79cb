import { Field, inputClass } from "@/components/ui/field";
import { t } from "@/lib/i18n/messages";
import { examplePhone, mobileMoneyOperators } from "@/lib/rails/mobile_money/phone";
import { fieldId, PayForm, type RailFormProps } from "./pay-form";

export function MobileMoneyForm({ sessionId, m, errors, currency, phone }: RailFormProps & { currency: string; phone: string | null }) {
  const err = (f: keyof typeof errors) => (errors[f] ? m.pay.errors[errors[f]!] : undefined);
  return (
    <PayForm sessionId={sessionId} rail="mobile_money" m={m} errors={errors} submitLabel={m.pay.submit.mobile_money} hint={m.pay.hints.mobile_money}>
      <Field id={fieldId("mobile_money", "operator")} label={m.pay.operator} error={err("operator")}>
        {(aria) => (
          <select {...aria} name="operator" className={inputClass} required defaultValue="" data-check="required">
            <option value="" disabled>
              {m.pay.chooseOperator}
            </option>
            {mobileMoneyOperators(currency).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={fieldId("mobile_money", "phone")} label={m.pay.phone} hint={t(m.pay.phoneHint, { example: examplePhone(currency) })} error={err("phone")}>
        {(aria) => (
          <input {...aria} name="phone" type="tel" className={inputClass} inputMode="tel" autoComplete="tel" required maxLength={32}
            defaultValue={phone ?? undefined} data-check="phone" />
        )}
      </Field>
    </PayForm>
  );
}
