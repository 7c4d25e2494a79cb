import { t, type Messages } from "@/lib/i18n/messages";

const COPY = {
  expired: ["statusExpired", "statusExpiredBody"],
  canceled: ["statusCanceled", "statusCanceledBody"],
  failed: ["statusFailed", "statusFailedBody"],
  paid: ["statusPaid", "statusPaidBody"],
  pending: ["statusPending", "statusPending"],
  open: ["statusPending", "statusPending"],
} as const;

/** A terminal (or waiting) state, announced to screen readers. */
export function StatusMessage({ status, merchantName, m }: { status: keyof typeof COPY; merchantName: string; m: Messages }) {
  const [title, body] = COPY[status];
  return (
    <div role="status" className="rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
      <h2 className="font-semibold">{m[title]}</h2>
      <p className="mt-1 text-slate-700">{t(m[body], { merchant: merchantName })}</p>
    </div>
  );
}
