import type { LineItem } from "@/db/shapes";
import { formatMoney, type Currency } from "@/lib/money/currencies";
import { t, type Messages } from "@/lib/i18n/messages";

type Props = {
  amount: number;
  currency: Currency;
  locale: string;
  lineItems: LineItem[] | null;
  description: string | null;
  m: Messages;
};

export function OrderSummary({ amount, currency, locale, lineItems, description, m }: Props) {
  return (
    <section aria-labelledby="summary-heading" className="space-y-3">
      <h2 id="summary-heading" className="sr-only">
        {m.orderSummary}
      </h2>
      {description ? <p className="text-slate-700 break-words">{description}</p> : null}
      {lineItems?.length ? (
        <ul className="divide-y divide-slate-200">
          {lineItems.map((li, i) => (
            <li key={i} className="flex items-start justify-between gap-4 py-2">
              <div className="min-w-0">
                <p className="font-medium break-words">{li.name}</p>
                {li.description ? <p className="text-sm text-slate-600 break-words">{li.description}</p> : null}
                {li.quantity > 1 ? (
                  <p className="text-sm text-slate-600">
                    {t(m.quantity, { n: li.quantity })} × {formatMoney(li.unitAmount, currency, locale)}
                  </p>
                ) : null}
              </div>
              <p className="shrink-0 tabular-nums">{formatMoney(li.unitAmount * li.quantity, currency, locale)}</p>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="flex flex-wrap items-baseline justify-between gap-x-3 border-t border-slate-200 pt-3">
        <span className="text-slate-700">{m.total}</span>
        <span data-testid="total" className="min-w-0 text-2xl font-semibold tabular-nums [overflow-wrap:anywhere]">
          {formatMoney(amount, currency, locale)}
        </span>
      </p>
    </section>
  );
}
