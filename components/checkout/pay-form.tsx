import { pay } from "@/app/checkout/[id]/actions";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormErrors } from "@/lib/checkout/pay-form";
import type { Messages } from "@/lib/i18n/messages";
import type { Rail } from "@/lib/rails/catalog";
import { FormEnhancer } from "./form-enhancer";

export type RailFormProps = {
  sessionId: string;
  m: Messages;
  errors: FormErrors;
  amountText: string;
  merchantName: string;
};

type Props = {
  sessionId: string;
  rail: Rail;
  m: Messages;
  errors: FormErrors;
  submitLabel: string;
  hint?: string;
  children?: React.ReactNode;
};

/**
 * One rail's form: a plain HTML form posted to the `pay` server action, so it works
 * without JavaScript. With it, FormEnhancer checks fields as the buyer types.
 */
export function PayForm({ sessionId, rail, m, errors, submitLabel, hint, children }: Props) {
  const formId = `pay-${rail}`;
  const messages = Object.entries(errors).map(([field, code]) => ({ field, text: m.pay.errors[code!] }));
  return (
    <form id={formId} action={pay} className="space-y-4" aria-describedby={hint ? `${formId}-hint` : undefined}>
      <input type="hidden" name="session" value={sessionId} />
      <input type="hidden" name="rail" value={rail} />
      {hint ? (
        <p id={`${formId}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {messages.length ? (
        <Alert tone="error" title={m.pay.errorSummary} live>
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
      <FormEnhancer formId={formId} errors={m.pay.errors} brandLabel={m.pay.cardBrand} />
    </form>
  );
}

/** The id of a field in a rail's form; the error summary links to it. */
export const fieldId = (rail: Rail, field: string) => `pay-${rail}-${field}`;
