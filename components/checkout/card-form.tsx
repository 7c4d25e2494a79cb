import { Field, inputClass } from "@/components/ui/field";
import { installmentPlan } from "@/lib/rails/card/card";
import { t } from "@/lib/i18n/messages";
import { fieldId, PayForm, type RailFormProps } from "./pay-form";

type Props = RailFormProps & { installments: { maxCount: number; amount: number; format: (minor: number) => string } | null };

export function CardForm({ sessionId, m, errors, amountText, installments }: Props) {
  const id = (f: string) => fieldId("card", f);
  const err = (f: keyof typeof errors) => (errors[f] ? m.pay.errors[errors[f]!] : undefined);
  const counts = installments ? Array.from({ length: Math.min(installments.maxCount, installments.amount) }, (_, i) => i + 1) : [];
  return (
    <PayForm sessionId={sessionId} rail="card" m={m} errors={errors} submitLabel={t(m.pay.submit.card, { amount: amountText })}>
      <Field id={id("number")} label={m.pay.cardNumber} error={err("number")}>
        {(aria) => (
          <div className="relative">
            <input
              {...aria}
              name="number"
              className={`${inputClass} pr-20 font-mono tracking-tight`}
              inputMode="numeric"
              autoComplete="cc-number"
              autoCorrect="off"
              spellCheck={false}
              required
              maxLength={23}
              pattern="[0-9 \-]{12,23}"
              placeholder="1234 1234 1234 1234"
              data-check="card-number"
            />
            <span data-brand aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-sm font-semibold text-slate-700" />
            <span data-brand-announce aria-live="polite" className="sr-only" />
          </div>
        )}
      </Field>
      <div className="grid grid-cols-2 items-end gap-3">
        <Field id={id("exp")} label={m.pay.cardExpiry} hint={m.pay.cardExpiryHint} error={err("exp")}>
          {(aria) => (
            <input
              {...aria}
              name="exp"
              className={inputClass}
              inputMode="numeric"
              autoComplete="cc-exp"
              required
              maxLength={7}
              pattern="\d{1,2} ?/? ?(\d{2}|\d{4})"
              placeholder={m.pay.cardExpiryHint.replaceAll(" ", "")}
              data-check="card-exp"
            />
          )}
        </Field>
        <Field id={id("cvc")} label={m.pay.cardCvc} hint={m.pay.cardCvcHint} error={err("cvc")}>
          {(aria) => (
            <input
              {...aria}
              name="cvc"
              className={inputClass}
              inputMode="numeric"
              autoComplete="cc-csc"
              required
              maxLength={4}
              pattern="\d{3,4}"
              placeholder="123"
              data-check="card-cvc"
            />
          )}
        </Field>
      </div>
      <Field id={id("name")} label={`${m.pay.cardName} (${m.pay.optional})`} error={err("name")}>
        {(aria) => <input {...aria} name="name" className={inputClass} autoComplete="cc-name" maxLength={200} />}
      </Field>
      {installments && counts.length > 1 ? (
        <Field id={id("installments")} label={m.pay.installments} error={err("installments")}>
          {(aria) => (
            <select {...aria} name="installments" className={inputClass} defaultValue="1">
              {counts.map((n) => {
                const parts = installmentPlan(installments.amount, n);
                return (
                  <option key={n} value={n}>
                    {n === 1 ? t(m.pay.installmentsFull, { amount: amountText }) : t(m.pay.installmentsOption, { n, amount: installments.format(parts[0]!) })}
                  </option>
                );
              })}
            </select>
          )}
        </Field>
      ) : null}
    </PayForm>
  );
}
