// The Nigerian bank picker that the USSD and direct debit forms share.
import { Field, inputClass } from "@/components/ui/field";
import type { Locale } from "@/lib/i18n/locales";
import { bankSelectCopy } from "@/lib/rails/bank-select-copy";
import { NIGERIAN_BANKS } from "@/lib/rails/ng-banks";

/** `only`: the banks the rail's processor can take it from (all when absent). */
export function BankSelect({ id, locale, error, only }: { id: string; locale: Locale; error?: string; only?: readonly string[] }) {
  const c = bankSelectCopy[locale];
  const banks = only ? NIGERIAN_BANKS.filter((b) => only.includes(b.id)) : NIGERIAN_BANKS;
  return (
    <Field id={id} label={c.label} error={error}>
      {(aria) => (
        <select {...aria} name="bank" className={inputClass} required defaultValue="" data-check="required">
          <option value="" disabled>
            {c.choose}
          </option>
          {banks.map((b) => (
            <option key={b.id} value={b.id} data-code={b.code}>
              {b.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
