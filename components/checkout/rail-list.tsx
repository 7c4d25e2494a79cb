import type { Messages } from "@/lib/i18n/messages";
import type { Rail } from "@/lib/rails/catalog";

/** The rails this session offers, preferred first. Each rail's form plugs in here. */
export function RailList({ rails, preferred, m }: { rails: Rail[]; preferred: Rail | null; m: Messages }) {
  const ordered = preferred ? [preferred, ...rails.filter((r) => r !== preferred)] : rails;
  return (
    <section aria-labelledby="rails-heading" className="space-y-2">
      <h2 id="rails-heading" className="font-semibold">
        {m.payWith}
      </h2>
      <ul className="grid grid-cols-2 gap-2" data-testid="rails">
        {ordered.map((rail) => (
          <li key={rail} className="rounded-md px-3 py-2 text-sm ring-1 ring-slate-300">
            {m.rails[rail]}
          </li>
        ))}
      </ul>
    </section>
  );
}
