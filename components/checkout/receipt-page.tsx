import type { PageAssets } from "@/lib/api/buyer-page";
import type { Receipt } from "@/lib/checkout/receipt";
import { RECEIPT_COPY } from "@/lib/checkout/receipt-copy";
import type { Locale } from "@/lib/i18n/locales";
import { t } from "@/lib/i18n/messages";
import { brandCss } from "@/lib/security/colors";
import { BuyerDocument, NotFoundPage } from "./buyer-page";

/**
 * A paid payment's receipt (SPEC 9): one printable page, no script at all. The email carries
 * its address; the buyer prints it or saves it as a PDF with the browser's own menu.
 */
export function ReceiptPage({ receipt: r, assets, nonce }: { receipt: Receipt; assets: PageAssets; nonce: string }) {
  const c = r.copy;
  const title = t(c.title, { merchant: r.merchantName });
  return (
    <BuyerDocument
      locale={r.locale}
      title={title}
      nonce={nonce}
      assets={assets}
      head={<meta name="robots" content="noindex, nofollow" />}
    >
      <main className="mx-auto max-w-xl px-4 py-8 print:py-0">
        {/* The brand colour reaches CSS only as a validated hex, through a nonce'd style. */}
        <style nonce={nonce}>{brandCss(r.brandColor)}</style>
        <header className="border-b-4 border-brand pb-4">
          <p className="text-sm text-slate-600">{r.merchantName}</p>
          <h1 className="mt-1 text-2xl font-semibold">{title}</h1>
        </header>
        {r.livemode ? null : <p className="mt-4 rounded bg-amber-100 px-3 py-2 text-sm text-amber-950">{c.testMode}</p>}
        <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt className="text-slate-600">{c.amountPaid}</dt>
          <dd className="text-right font-semibold" data-receipt-total>
            {r.total}
          </dd>
          {r.refunded ? (
            <>
              <dt className="text-slate-600">{c.refunded}</dt>
              <dd className="text-right">{r.refunded}</dd>
            </>
          ) : null}
          <dt className="text-slate-600">{c.paidOn}</dt>
          <dd className="text-right">{r.paidOn}</dd>
          <dt className="text-slate-600">{c.method}</dt>
          <dd className="text-right">{r.method}</dd>
          <dt className="text-slate-600">{c.number}</dt>
          <dd className="text-right font-mono text-sm break-all">{r.number}</dd>
        </dl>
        {r.description ? <p className="mt-6 break-words text-slate-700">{r.description}</p> : null}
        {r.items.length ? (
          <table className="mt-6 w-full text-left">
            <thead className="border-b border-slate-300 text-sm text-slate-600">
              <tr>
                <th scope="col" className="py-2 font-normal">{c.item}</th>
                <th scope="col" className="py-2 text-right font-normal">{c.quantity}</th>
                <th scope="col" className="py-2 text-right font-normal">{c.amount}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {r.items.map((li, i) => (
                <tr key={i}>
                  <td className="py-2 pr-2 break-words">{li.name}</td>
                  <td className="py-2 text-right">{li.quantity}</td>
                  <td className="py-2 pl-2 text-right whitespace-nowrap">{li.amount}</td>
                </tr>
              ))}
            </tbody>
            <tfoot className="border-t border-slate-300 font-semibold">
              <tr>
                <th scope="row" colSpan={2} className="py-2 text-left">{c.total}</th>
                <td className="py-2 text-right whitespace-nowrap">{r.total}</td>
              </tr>
            </tfoot>
          </table>
        ) : null}
        <p className="mt-8 text-sm text-slate-600">{t(c.questions, { merchant: r.merchantName })}</p>
        <p className="mt-2 text-sm text-slate-600 print:hidden">{c.printHint}</p>
      </main>
    </BuyerDocument>
  );
}

/** No such receipt (an unknown session or payment, or one not paid yet): a real 404. */
export function ReceiptNotFound({ locale, assets, nonce }: { locale: Locale; assets: PageAssets; nonce: string }) {
  const c = RECEIPT_COPY[locale];
  return <NotFoundPage locale={locale} assets={assets} nonce={nonce} title={c.notFoundTitle} body={c.notFoundBody} />;
}
