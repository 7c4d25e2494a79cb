import type { MerchantRow } from "@/db/queries/merchants";
import { t, type Messages } from "@/lib/i18n/messages";
import { brandCss } from "@/lib/security/colors";
import type { EmbedInfo } from "@/lib/checkout/embed";
import { TestModeBanner } from "./test-mode-banner";

type Props = {
  merchant: Pick<MerchantRow, "name" | "brandColor" | "logoUrl">;
  livemode: boolean;
  locale: string;
  m: Messages;
  nonce?: string;
  cancelUrl: string | null;
  /** Set for embedded sessions: the page's script talks to the merchant's page and sizes the frame to the content. */
  embed?: EmbedInfo | null;
  /**
   * The order summary, under the merchant's name. On a hosted page at 900 px and wider it is the
   * left column and the rest (`children`) the right one, as big checkouts do; one column below
   * that and in the merchant's frame. Pure CSS: the page has no layout script.
   */
  summary?: React.ReactNode;
  children: React.ReactNode;
};

export const CONTENT_ID = "kassa-content";

/** Classes joined by spaces: whole words in the source, as the stylesheet's scan needs them
 * (`sm:pt-6${…}` would be read as one unknown class, and its rule never built). */
const cx = (...parts: (string | false)[]) => parts.filter(Boolean).join(" ");

/** The frame every checkout state shares: merchant branding, test-mode banner, footer. */
export function CheckoutShell({ merchant, livemode, locale, m, nonce, cancelUrl, embed, summary, children }: Props) {
  const wide = Boolean(summary) && !embed;
  // In a frame the page must be as tall as its content, no taller, so the frame can follow it.
  const layout = embed
    ? "mx-auto flex max-w-lg flex-col px-2 py-2"
    : cx("mx-auto flex min-h-dvh max-w-lg flex-col px-3 py-4 sm:py-10", wide && "min-[900px]:max-w-5xl min-[900px]:px-6 min-[900px]:py-8");
  const header = (
    <header className="flex items-center gap-3 bg-brand px-4 py-4 text-on-brand">
      {merchant.logoUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- merchant logos are arbitrary hosts
        <img src={merchant.logoUrl} alt="" width={40} height={40} className="h-10 w-10 rounded bg-white object-contain" />
      ) : null}
      <h1 className="text-lg font-semibold break-words">{merchant.name}</h1>
    </header>
  );
  return (
    <div id={CONTENT_ID} lang={locale} className={layout} data-embed={embed ? JSON.stringify(embed) : undefined} data-layout={wide ? "columns" : undefined}>
      {/* The brand colour reaches CSS only as a validated hex, through a nonce'd style. */}
      <style nonce={nonce}>{brandCss(merchant.brandColor)}</style>
      {!livemode ? <TestModeBanner m={m} /> : null}
      {summary ? (
        <main
          className={cx("overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200", wide && "min-[900px]:grid min-[900px]:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]")}
        >
          {/* Below 900 px the two parts read as the one column they were: same padding, 20 px between. */}
          <div data-column="summary" className={wide ? "min-[900px]:border-r min-[900px]:border-slate-200 min-[900px]:bg-slate-50" : undefined}>
            {header}
            <div className={cx("space-y-5 px-4 pt-4 sm:px-6 sm:pt-6", wide && "min-[900px]:px-8 min-[900px]:pt-8 min-[900px]:pb-8")}>{summary}</div>
          </div>
          <div data-column="pay" className={cx("space-y-5 px-4 pt-5 pb-4 sm:px-6 sm:pb-6", wide && "min-[900px]:p-8")}>
            {children}
          </div>
        </main>
      ) : (
        <main className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
          {header}
          <div className="space-y-5 p-4 sm:p-6">{children}</div>
        </main>
      )}
      {cancelUrl ? (
        <a href={cancelUrl} target={embed ? "_top" : undefined} className="mt-4 self-start text-sm text-slate-700 underline underline-offset-2 hover:text-slate-900">
          ← {t(m.backToMerchant, { merchant: merchant.name })}
        </a>
      ) : null}
      <p className={`${embed ? "pt-3" : "mt-auto pt-6"} text-center text-xs text-slate-600`}>{m.poweredBy}</p>
    </div>
  );
}
