import { formatLeft, WARN_LAST_MS } from "@/lib/checkout/enhance/page";

/**
 * The remaining time, rendered by the server; the page's script counts it down, warns in the
 * last two minutes and, at zero, reloads into the expired view. Without script the warning is
 * there when the page is rendered late, and the server refuses a payment after expiry.
 */
export function TimeLeft({ expiresAt, serverNow, label, warning }: { expiresAt: string; serverNow: string; label: string; warning: string }) {
  const left = Date.parse(expiresAt) - Date.parse(serverNow);
  return (
    <div className="space-y-2">
      <p className="flex items-center justify-between text-sm text-slate-700">
        <span>{label}</span>
        <time dateTime={expiresAt} data-countdown data-server-now={serverNow} className="font-mono tabular-nums text-slate-900">
          {formatLeft(left)}
        </time>
      </p>
      {/* A live region present from the start, so the warning the script writes into it is read out. */}
      <p role="status" data-expiry-warning={warning} className="rounded-md bg-amber-50 px-3 py-2 text-sm font-semibold text-amber-950 ring-1 ring-amber-300 empty:hidden">
        {left <= WARN_LAST_MS ? warning : ""}
      </p>
    </div>
  );
}
