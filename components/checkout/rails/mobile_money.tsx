// Paying by mobile money: the operator and the phone, then "approve on your phone".
import { Field, inputClass } from "@/components/ui/field";
import { t } from "@/lib/i18n/messages";
import { railCopy } from "@/lib/rails";
import { displayPhone, examplePhone, mobileMoneyOperators } from "@/lib/rails/mobile_money/phone";
import { fieldError, fieldId, PayForm } from "../pay-form";
import type { RailFormProps, RailPendingProps, RailView } from "./types";

/** The example number in the hint is never broken across lines (no-break spaces). */
function MobileMoneyForm(props: RailFormProps) {
  const { sessionId, locale, m, errors, currency, customer } = props;
  const c = railCopy("mobile_money", locale).form;
  return (
    <PayForm sessionId={sessionId} rail="mobile_money" locale={locale} m={m} errors={errors} submitLabel={c.submit} hint={c.hint}>
      <Field id={fieldId("mobile_money", "operator")} label={c.operator} error={fieldError(props, "operator")}>
        {(aria) => (
          <select {...aria} name="operator" className={inputClass} required defaultValue="" data-check="required">
            <option value="" disabled>
              {c.chooseOperator}
            </option>
            {mobileMoneyOperators(currency).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={fieldId("mobile_money", "phone")} label={c.phone} hint={t(c.phoneHint, { example: examplePhone(currency).replaceAll(" ", "\u00a0") })} error={fieldError(props, "phone")}>
        {(aria) => (
          <input {...aria} name="phone" type="tel" className={inputClass} inputMode="tel" autoComplete="tel" required maxLength={32}
            defaultValue={customer.phone ?? undefined} data-check="phone" />
        )}
      </Field>
    </PayForm>
  );
}

function MobileMoneyPending({ action, amountText, locale }: RailPendingProps) {
  if (action?.type !== "approve_on_phone") return null;
  const c = railCopy("mobile_money", locale).pending;
  return (
    <div className="space-y-2">
      <h3 className="font-semibold">{c.title}</h3>
      <p className="text-slate-700">{t(c.body, { amount: amountText, phone: displayPhone(action.phone), operator: action.operator })}</p>
    </div>
  );
}

export const mobileMoney: RailView = { Form: MobileMoneyForm, Pending: MobileMoneyPending };
