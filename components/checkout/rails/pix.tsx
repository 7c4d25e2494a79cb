// Paying by Pix: one button for a BR Code, then its QR image and copy-paste code.
import { CopyButton } from "@/components/ui/copy-button";
import { formatDateTime } from "@/lib/i18n/format";
import { t } from "@/lib/i18n/messages";
import { railCopy } from "@/lib/rails";
import { lowerFirst } from "../copyable";
import { PayForm } from "../pay-form";
import type { RailFormProps, RailPendingProps, RailView } from "./types";

function PixForm({ sessionId, locale, m, errors }: RailFormProps) {
  const c = railCopy("pix", locale).form;
  return <PayForm sessionId={sessionId} rail="pix" locale={locale} m={m} errors={errors} submitLabel={c.submit} hint={c.hint} />;
}

function PixPending({ action, payment, qrSvg, locale, m }: RailPendingProps) {
  if (action?.type !== "pix") return null;
  const c = railCopy("pix", locale).pending;
  return (
    <div className="space-y-3">
      <h3 className="font-semibold">{c.title}</h3>
      {/* The SVG is ours (qrcode), labelled for screen readers. */}
      <div className="mx-auto w-56 max-w-full bg-white [&>svg]:h-auto [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: qrSvg ?? "" }} />
      <p className="text-sm text-slate-700">{c.hint}</p>
      <label htmlFor="pix-code" className="block text-sm font-medium">
        {c.code}
      </label>
      <textarea id="pix-code" readOnly rows={7} value={action.brCode} className="block w-full rounded-md border border-slate-400 p-2 font-mono text-xs break-all [field-sizing:content]" />
      <CopyButton text={action.brCode} label={t(m.copyWhat, { what: lowerFirst(c.code) })} copiedLabel={m.copied} />
      <p className="text-sm text-slate-700">{t(m.pending.validUntil, { time: formatDateTime(new Date(action.expiresAt), locale, payment.currency) })}</p>
    </div>
  );
}

export const pix: RailView = { Form: PixForm, Pending: PixPending };
