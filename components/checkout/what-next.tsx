// After a payment that takes days has started (a boleto, a direct debit): what happens next, that
// the instructions were mailed, and the way back to the store, whose order waits as `pending`.
import { buttonClass } from "@/components/ui/button";
import { t, type Messages } from "@/lib/i18n/messages";

type Props = { next: string; merchantName: string; returnUrl?: string; emailedTo?: string | null; embedded?: boolean; m: Messages };

export function WhatNext({ next, merchantName, returnUrl, emailedTo, embedded, m }: Props) {
  return (
    <section aria-labelledby="what-next" className="space-y-2 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
      <h3 id="what-next" className="font-semibold">
        {m.pending.nextTitle}
      </h3>
      <p className="text-sm text-slate-800">{next}</p>
      {emailedTo ? <p className="text-sm text-slate-800 [overflow-wrap:anywhere]">{t(m.pending.emailed, { email: emailedTo })}</p> : null}
      {returnUrl ? (
        <>
          <p className="text-sm text-slate-800">{t(m.pending.canLeave, { merchant: merchantName })}</p>
          {/* In the merchant's frame, the store's page opens at the top, as the paid view's link does. */}
          <a href={returnUrl} target={embedded ? "_top" : undefined} className={buttonClass.secondary}>
            {t(m.pending.returnTo, { merchant: merchantName })}
          </a>
        </>
      ) : null}
    </section>
  );
}
