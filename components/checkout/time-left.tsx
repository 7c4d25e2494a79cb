import { formatLeft } from "@/lib/checkout/enhance/page";

/** The remaining time, rendered by the server; the page's script counts it down. */
export function TimeLeft({ expiresAt, serverNow, label }: { expiresAt: string; serverNow: string; label: string }) {
  return (
    <p className="flex items-center justify-between text-sm text-slate-700">
      <span>{label}</span>
      <time dateTime={expiresAt} data-countdown data-server-now={serverNow} className="font-mono tabular-nums text-slate-900">
        {formatLeft(Date.parse(expiresAt) - Date.parse(serverNow))}
      </time>
    </p>
  );
}
