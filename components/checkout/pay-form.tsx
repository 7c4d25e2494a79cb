import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { Field, inputClass } from "@/components/ui/field";
import type { CheckoutBody, RailProvider } from "@/lib/checkout/page-props";
import type { FormErrors } from "@/lib/checkout/pay-form";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages";
import type { Currency } from "@/lib/money/currencies";
import { railErrorCopy, type Rail } from "@/lib/rails";

type OpenBody = Extract<CheckoutBody, { state: "open" }>;

/** What every rail's form (components/checkout/rails/<rail>.tsx) is given; each takes what it needs. */
export type RailFormProps = Pick<OpenBody, "errors" | "customer" | "installments"> & {
  /** Who takes this rail (the sandbox when its name is null). */
  provider: RailProvider | undefined;
  /** The page is in the merchant's frame: a processor's own page must open at the top instead. */
  embedded: boolean;
  sessionId: string;
  locale: Locale;
  m: Messages;
  amount: number;
  currency: Currency;
  amountText: string;
  merchantName: string;
};

/** Every field error's text in `locale`, by code: the page's own and every rail's. */
export function errorTexts(m: Messages, locale: Locale): Record<string, string> {
  return { ...m.pay.errors, ...railErrorCopy(locale) };
}

/** The text of the error on `field`, if the last attempt had one. */
export function fieldError({ m, locale, errors }: Pick<RailFormProps, "m" | "locale" | "errors">, field: keyof FormErrors): string | undefined {
  const code = errors[field];
  return code ? errorTexts(m, locale)[code] : undefined;
}

type Props = {
  sessionId: string;
  rail: Rail;
  locale: Locale;
  m: Messages;
  errors: FormErrors;
  submitLabel: string;
  hint?: string;
  /** `_top`: the answer leaves the merchant's frame (a processor's page refuses to be framed). */
  target?: "_top";
  children?: React.ReactNode;
};

/**
 * One rail's form: a plain HTML form posted to /checkout/{id}/pay, so it works without
 * JavaScript. With it, the page's script checks fields as the buyer types
 * (lib/checkout/enhance/forms.ts), with these messages.
 */
export function PayForm({ sessionId, rail, locale, m, errors, submitLabel, hint, target, children }: Props) {
  const formId = `pay-${rail}`;
  const texts = errorTexts(m, locale);
  const messages = Object.entries(errors).map(([field, code]) => ({ field, text: texts[code!] }));
  return (
    <form
      id={formId}
      method="post"
      action={`/checkout/${sessionId}/pay`}
      target={target}
      className="space-y-4"
      aria-describedby={hint ? `${formId}-hint` : undefined}
      data-errors={JSON.stringify(texts)}
    >
      <input type="hidden" name="rail" value={rail} />
      {hint ? (
        <p id={`${formId}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {messages.length ? (
        <Alert tone="error" title={m.pay.errorSummary} live focus>
          <ul className="list-disc pl-5">
            {messages.map(({ field, text }) => (
              <li key={field}>
                {field === "rail" ? text : <a className="inline-block min-h-6 py-0.5 underline" href={`#${formId}-${field}`}>{text}</a>}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {children}
      {/* Honeypot: people never see it; bots that fill every field are refused. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor={`${formId}-hp`}>{m.honeypot}</label>
        <input id={`${formId}-hp`} type="text" name="_hp_field" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <SubmitButton pendingLabel={m.pay.processing}>{submitLabel}</SubmitButton>
    </form>
  );
}

/**
 * The buyer's email, prefilled from the merchant's `customer`: required on a rail whose processor
 * needs one the session does not carry; with `optional`, asked anyway (the card form, SPEC 9).
 */
export function EmailField(props: Pick<RailFormProps, "m" | "locale" | "errors" | "customer" | "provider"> & { rail: Rail; label: string; optional?: boolean }) {
  const required = Boolean(props.provider?.asksEmail);
  if (!required && !props.optional) return null;
  return (
    <Field id={fieldId(props.rail, "email")} label={required ? props.label : `${props.label} (${props.m.pay.optional})`} error={fieldError(props, "email")}>
      {(aria) => (
        <input {...aria} name="email" type="email" className={inputClass} autoComplete="email" required={required} maxLength={254}
          defaultValue={props.customer.email ?? undefined} data-check={required ? "email" : "email-optional"} />
      )}
    </Field>
  );
}

/** The id of a field in a rail's form; the error summary links to it. */
export const fieldId = (rail: Rail, field: string) => `pay-${rail}-${field}`;
