// Paying by USSD: the buyer's bank, then the string to dial (a tel: link).
import { CopyButton } from "@/components/ui/copy-button";
import { t } from "@/lib/i18n/messages";
import { railCopy } from "@/lib/rails";
import { BankSelect } from "../bank-select";
import { EmailField, fieldError, fieldId, PayForm } from "../pay-form";
import type { RailFormProps, RailPendingProps, RailView } from "./types";

function UssdForm(props: RailFormProps) {
  const { sessionId, locale, m, errors } = props;
  const c = railCopy("ussd", locale).form;
  return (
    <PayForm sessionId={sessionId} rail="ussd" locale={locale} m={m} errors={errors} submitLabel={c.submit} hint={c.hint}>
      <BankSelect id={fieldId("ussd", "bank")} locale={locale} error={fieldError(props, "bank")} only={props.provider?.banks ?? undefined} />
      <EmailField {...props} rail="ussd" label={c.email} />
    </PayForm>
  );
}

function UssdPending({ action, payment, amountText, locale, m }: RailPendingProps) {
  if (action?.type !== "ussd") return null;
  const c = railCopy("ussd", locale).pending;
  return (
    <div className="space-y-3">
      <h3 className="font-semibold">{t(c.title, { bank: String(payment.details.bank) })}</h3>
      {/* One line, never broken inside (a lone "#" on a line reads as another code): the type
          shrinks with a narrow screen instead, and a code longer still scrolls within its box. */}
      <p>
        <a href={action.telUrl} className="inline-block max-w-full overflow-x-auto rounded-md bg-slate-900 px-3 py-3 font-mono text-[clamp(0.875rem,4.4vw,1.25rem)] font-semibold whitespace-nowrap text-white focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-slate-900 sm:px-4">
          {action.dialString}
        </a>
      </p>
      <CopyButton text={action.dialString} label={m.copy} copiedLabel={m.copied} />
      <p className="text-sm text-slate-700">{t(c.hint, { amount: amountText })}</p>
    </div>
  );
}

export const ussd: RailView = { Form: UssdForm, Pending: UssdPending };
