// Paying by boleto: the payer's name and CPF or CNPJ, then the slip (digitable line and barcode).
import { Field, inputClass } from "@/components/ui/field";
import { formatDay } from "@/lib/i18n/format";
import { t } from "@/lib/i18n/messages";
import { railCopy } from "@/lib/rails";
import { formatDigitableLine, itfBarsSvg } from "@/lib/rails/boleto/boleto";
import { Copyable } from "../copyable";
import { WhatNext } from "../what-next";
import { fieldError, fieldId, PayForm } from "../pay-form";
import type { RailFormProps, RailPendingProps, RailView } from "./types";

function BoletoForm(props: RailFormProps) {
  const { sessionId, locale, m, errors, customer } = props;
  const c = railCopy("boleto", locale).form;
  return (
    <PayForm sessionId={sessionId} rail="boleto" locale={locale} m={m} errors={errors} submitLabel={c.submit} hint={c.hint}>
      <Field id={fieldId("boleto", "name")} label={c.name} error={fieldError(props, "name")}>
        {(aria) => <input {...aria} name="name" className={inputClass} autoComplete="name" required maxLength={200} defaultValue={customer.name ?? undefined} data-check="required" />}
      </Field>
      <Field id={fieldId("boleto", "document")} label={c.document} error={fieldError(props, "document")}>
        {(aria) => (
          <input {...aria} name="document" className={`${inputClass} font-mono`} inputMode="numeric" autoComplete="off" required
            maxLength={18} placeholder="000.000.000-00" defaultValue={customer.document ?? undefined} data-check="document" />
        )}
      </Field>
    </PayForm>
  );
}

function BoletoPending({ action, locale, m, merchantName, returnUrl, emailedTo, embedded }: RailPendingProps) {
  if (action?.type !== "boleto") return null;
  const c = railCopy("boleto", locale).pending;
  const date = formatDay(action.dueDate, locale);
  return (
    <div className="space-y-3">
      <h3 className="font-semibold">{t(c.title, { date })}</h3>
      <dl>
        <Copyable label={c.line} value={action.digitableLine} display={formatDigitableLine(action.digitableLine)} m={m} />
      </dl>
      <div className="w-full overflow-hidden bg-white [&>svg]:h-16 [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: itfBarsSvg(action.barcode, { label: c.barcode }) }} />
      <p className="text-sm text-slate-700">{c.hint}</p>
      <WhatNext next={t(c.next, { date, merchant: merchantName })} merchantName={merchantName} returnUrl={returnUrl} emailedTo={emailedTo} embedded={embedded} m={m} />
    </div>
  );
}

export const boleto: RailView = { Form: BoletoForm, Pending: BoletoPending };
