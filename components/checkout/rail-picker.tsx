import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages";
import { railName, type Rail } from "@/lib/rails";

/**
 * The rails this session offers, preferred first, as links: choosing one reloads the page
 * with that rail's form, which needs no script and keeps every rail a single Tab stop.
 * A session with one rail has nothing to choose: no picker.
 */
export function RailPicker({ sessionId, rails, selected, locale, m }: { sessionId: string; rails: Rail[]; selected: Rail; locale: Locale; m: Messages }) {
  if (rails.length < 2) return null;
  return (
    <nav aria-labelledby="rails-heading" className="space-y-2">
      <h2 id="rails-heading" className="font-semibold">
        {m.pay.chooseMethod}
      </h2>
      <ul className="grid grid-cols-2 gap-2 min-[900px]:[[data-layout=columns]_&]:grid-cols-3" data-testid="rails">
        {rails.map((rail) => {
          const current = rail === selected;
          return (
            <li key={rail}>
              <a
                href={`/checkout/${sessionId}?rail=${rail}`}
                aria-current={current ? "page" : undefined}
                className={
                  "flex min-h-11 items-center rounded-md px-3 py-2 text-sm font-medium ring-1 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-slate-900 " +
                  (current ? "bg-brand text-on-brand ring-brand" : "bg-white text-slate-900 ring-slate-300 hover:bg-slate-50")
                }
              >
                {railName(rail, locale)}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
