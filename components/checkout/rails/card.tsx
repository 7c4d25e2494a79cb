// Paying by card: number (brand shown as typed), expiry, CVC, name, and installments for BRL;
// while a challenge waits, the way to the issuer's 3-D Secure check.
import { buttonClass } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { t } from "@/lib/i18n/messages";
import { railCopy } from "@/lib/rails";
import { installmentOptionText } from "@/lib/rails/card/installments";
import { EmailField, fieldError, fieldId, PayForm } from "../pay-form";
import { ProviderPageLink } from "../provider-page-link";
import type { RailFormProps, RailPendingProps, RailView } from "./types";

/** Live mode: no card fields; the processor's own page takes the card (SPEC 8). */
function HostedCardForm(props: RailFormProps) {
  const { sessionId, locale, m, errors, amountText, provider, embedded } = props;
  const c = railCopy("card", locale).form;
  return (
    <PayForm sessionId={sessionId} rail="card" locale={locale} m={m} errors={errors} submitLabel={t(c.hostedSubmit, { amount: amountText })}
      hint={t(c.hostedHint, { provider: provider?.name ?? "" })} target={embedded ? "_top" : undefined}>
      <EmailField {...props} rail="card" label={c.email} optional />
    </PayForm>
  );
}

function CardForm(props: RailFormProps) {
  if (props.provider?.hostedCard) return <HostedCardForm {...props} />;
  const { sessionId, locale, m, errors, amount, currency, amountText, installments } = props;
  const c = railCopy("card", locale).form;
  const id = (f: string) => fieldId("card", f);
  const err = (f: keyof typeof errors) => fieldError(props, f);
  const counts = installments ? Array.from({ length: Math.min(installments, amount) }, (_, i) => i + 1) : [];
  return (
    <PayForm sessionId={sessionId} rail="card" locale={locale} m={m} errors={errors} submitLabel={t(c.submit, { amount: amountText })}>
      <Field id={id("number")} label={c.number} error={err("number")}>
        {(aria) => (
          // The box is the wrapper: the brand badge sits beside the digits, not over them, and takes
          // room only once it names a brand, so the placeholder has the whole width until then.
          <div className="flex items-center rounded-md border border-slate-400 bg-white focus-within:border-slate-900 focus-within:outline-3 focus-within:outline-offset-1 focus-within:outline-slate-900 has-[[aria-invalid=true]]:border-red-700">
            <input
              {...aria}
              name="number"
              className="block w-full min-w-0 flex-1 rounded-md border-0 bg-transparent px-3 py-2.5 font-mono text-base tracking-tight text-slate-900 placeholder:text-slate-500 focus:outline-none"
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
            <span data-badge data-badge-label={c.brand} aria-hidden="true" className="pointer-events-none shrink-0 pr-3 text-sm font-semibold whitespace-nowrap text-slate-700 empty:hidden" />
            <span data-badge-announce aria-live="polite" className="sr-only" />
          </div>
        )}
      </Field>
      <div className="grid grid-cols-2 items-end gap-3">
        <Field id={id("exp")} label={c.expiry} hint={c.expiryHint} error={err("exp")}>
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
              placeholder={c.expiryHint.replaceAll(" ", "")}
              data-check="card-exp"
            />
          )}
        </Field>
        <Field id={id("cvc")} label={c.cvc} hint={c.cvcHint} error={err("cvc")}>
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
      <Field id={id("name")} label={`${c.holder} (${m.pay.optional})`} error={err("name")}>
        {(aria) => <input {...aria} name="name" className={inputClass} autoComplete="cc-name" maxLength={200} />}
      </Field>
      <EmailField {...props} rail="card" label={c.email} optional />
      {installments && counts.length > 1 ? (
        <Field id={id("installments")} label={c.installments} error={err("installments")}>
          {(aria) => (
            <select {...aria} name="installments" className={inputClass} defaultValue="1">
              {counts.map((n) => (
                <option key={n} value={n}>
                  {installmentOptionText(amount, n, currency, locale)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
    </PayForm>
  );
}

function CardPending({ action, sessionId, locale, payment, embedded }: RailPendingProps) {
  const c = railCopy("card", locale).pending;
  if (action?.type === "redirect_to_url") {
    // Back from the processor's page without finishing, or before going: the way there again.
    const provider = payment.providerName ?? "";
    return <ProviderPageLink url={action.url} title={t(c.redirectTitle, { provider })} label={t(c.redirectContinue, { provider })} embedded={embedded} />;
  }
  if (action?.type !== "three_d_secure") return null;
  return (
    <div className="space-y-3">
      <h3 className="font-semibold">{c.title}</h3>
      <p className="text-slate-700">{c.body}</p>
      <a href={`/checkout/${sessionId}/3ds`} className={buttonClass.primary}>
        {c.continue}
      </a>
    </div>
  );
}

export const card: RailView = { Form: CardForm, Pending: CardPending };
