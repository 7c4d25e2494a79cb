// Paying by Pix: one button for a BR Code, then its QR image and copy-paste code.
import { CopyButton } from "@/components/ui/copy-button";
import { formatDateTime } from "@/lib/i18n/format";
import { t } from "@/lib/i18n/messages";
import { railCopy } from "@/lib/rails";
import { PayForm } from "../pay-form";
import type { RailFormProps, RailPendingProps, RailView } from "./types";

function PixForm({ sessionId, locale, m, errors }: RailFormProps) {
  const c = railCopy("pix", locale).form;
  return <PayForm sessionId={sessionId} rail="pix" locale={locale} m={m} errors={errors} submitLabel={c.submit} hint={c.hint} />;
}

function PixPending({ action, payment, qrSvg, locale, m }: RailPendingProps) {
  if (action?.type !== "pix") return null;
  const c = railCopy("pix", locale).pending;
  // A phone cannot scan the QR code it shows: below 640 px the copy-paste code and its button
  // lead and the QR code follows; wider, the QR code leads. CSS order alone, so without script too.
  return (
    <div className="flex flex-col gap-3">
      <h3 className="font-semibold">{c.title}</h3>
      <div data-pix="code" className="order-1 space-y-2 sm:order-2">
        <label htmlFor="pix-code" className="block text-sm font-medium">
          {c.code}
        </label>
        <p id="pix-code-hint" className="text-sm text-slate-700">
          {c.hint}
        </p>
        <textarea id="pix-code" readOnly rows={7} value={action.brCode} aria-describedby="pix-code-hint"
          className="block w-full rounded-md border border-slate-400 p-2 font-mono text-xs break-all [field-sizing:content]" />
        <CopyButton text={action.brCode} label={c.copyCode} copiedLabel={m.copied} size="large" />
      </div>
      <div data-pix="qr" className="order-2 space-y-2 sm:order-1">
        {/* The SVG is ours (qrcode), labelled for screen readers. */}
        <div className="mx-auto w-56 max-w-full bg-white [&>svg]:h-auto [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: qrSvg ?? "" }} />
        <p className="text-center text-sm text-slate-700">{c.qrHint}</p>
      </div>
      <p className="order-3 text-sm text-slate-700">{t(m.pending.validUntil, { time: formatDateTime(new Date(action.expiresAt), locale, payment.currency) })}</p>
    </div>
  );
}

export const pix: RailView = { Form: PixForm, Pending: PixPending };
