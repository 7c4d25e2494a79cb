import { Field, inputClass } from "@/components/ui/field";
import { fieldId, PayForm, type RailFormProps } from "./pay-form";

export function BoletoForm({ sessionId, m, errors, name, document }: RailFormProps & { name: string | null; document: string | null }) {
  const err = (f: keyof typeof errors) => (errors[f] ? m.pay.errors[errors[f]!] : undefined);
  return (
    <PayForm sessionId={sessionId} rail="boleto" m={m} errors={errors} submitLabel={m.pay.submit.boleto} hint={m.pay.hints.boleto}>
      <Field id={fieldId("boleto", "name")} label={m.pay.name} error={err("name")}>
        {(aria) => <input {...aria} name="name" className={inputClass} autoComplete="name" required maxLength={200} defaultValue={name ?? undefined} data-check="required" />}
      </Field>
      <Field id={fieldId("boleto", "document")} label={m.pay.document} error={err("document")}>
        {(aria) => (
          <input {...aria} name="document" className={`${inputClass} font-mono`} inputMode="numeric" autoComplete="off" required
            maxLength={18} placeholder="000.000.000-00" defaultValue={document ?? undefined} data-check="document" />
        )}
      </Field>
    </PayForm>
  );
}
