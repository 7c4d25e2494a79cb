import { buttonClass } from "@/components/ui/button";
import { t, type Messages } from "@/lib/i18n/messages";

/**
 * Paid: says so and sends the buyer to the merchant at once (a form that pays redirects
 * there itself; this view is for a reload, or a pending payment that settled). Without
 * script a meta refresh goes, with it the page's script (data-go-to); the link is there if both are blocked.
 */
export function PaidView({ successUrl, merchantName, m, embedded = false }: { successUrl: string; merchantName: string; m: Messages; embedded?: boolean }) {
  const escaped = successUrl.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return (
    <section role="status" aria-labelledby="paid-heading" className="space-y-3 rounded-lg bg-emerald-50 p-4 ring-1 ring-emerald-200">
      {/* Embedded, the merchant's page hears "complete" and navigates; the frame stays put. */}
      {embedded ? null : <noscript dangerouslySetInnerHTML={{ __html: `<meta http-equiv="refresh" content="0;url=${escaped}">` }} />}
      {embedded ? null : <span hidden data-go-to={successUrl} />}
      <h2 id="paid-heading" className="text-lg font-semibold text-emerald-950">
        {m.statusPaid}
      </h2>
      <p className="text-emerald-950">{t(m.statusPaidBody, { merchant: merchantName })}</p>
      <p className="text-sm text-emerald-950">{t(m.redirecting, { merchant: merchantName })}</p>
      <a href={successUrl} target={embedded ? "_top" : undefined} className={buttonClass.primary}>
        {t(m.continueTo, { merchant: merchantName })}
      </a>
    </section>
  );
}
