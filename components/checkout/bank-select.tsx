// The Nigerian bank picker that the USSD and direct debit forms share.
import { Field, inputClass } from "@/components/ui/field";
import type { Locale } from "@/lib/i18n/locales";
import { bankSelectCopy } from "@/lib/rails/bank-select-copy";
import { NIGERIAN_BANKS } from "@/lib/rails/ng-banks";

export function BankSelect({ id, locale, error }: { id: string; locale: Locale; error?: string }) {
  const c = bankSelectCopy[locale];
  return (
    <Field id={id} label={c.label} error={error}>
      {(aria) => (
        <select {...aria} name="bank" className={inputClass} required defaultValue="" data-check="required">
          <option value="" disabled>
            {c.choose}
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
