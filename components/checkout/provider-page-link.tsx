// The way to a processor's own page (SPEC 8), where the buyer types a card or consents to a
// mandate: in the merchant's frame it opens at the top, since processors refuse to be framed.
import { buttonClass } from "@/components/ui/button";

export function ProviderPageLink({ url, title, label, embedded }: { url: string; title: string; label: string; embedded?: boolean }) {
  return (
    <div className="space-y-3">
      <h3 className="font-semibold">{title}</h3>
      <a href={url} target={embedded ? "_top" : undefined} className={buttonClass.primary}>
        {label}
      </a>
    </div>
  );
}
