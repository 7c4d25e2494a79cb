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
  children: React.ReactNode;
};

export const CONTENT_ID = "kassa-content";

/** The frame every checkout state shares: merchant branding, test-mode banner, footer. */
export function CheckoutShell({ merchant, livemode, locale, m, nonce, cancelUrl, embed, children }: Props) {
  // In a frame the page must be as tall as its content, no taller, so the frame can follow it.
  const layout = embed ? "mx-auto flex max-w-lg flex-col px-2 py-2" : "mx-auto flex min-h-dvh max-w-lg flex-col px-3 py-4 sm:py-10";
  return (
    <div id={CONTENT_ID} lang={locale} className={layout} data-embed={embed ? JSON.stringify(embed) : undefined}>
      {/* The brand colour reaches CSS only as a validated hex, through a nonce'd style. */}
      <style nonce={nonce}>{brandCss(merchant.brandColor)}</style>
      {!livemode ? <TestModeBanner m={m} /> : null}
      <main className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        <header className="flex items-center gap-3 bg-brand px-4 py-4 text-on-brand">
          {merchant.logoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- merchant logos are arbitrary hosts
            <img src={merchant.logoUrl} alt="" width={40} height={40} className="h-10 w-10 rounded bg-white object-contain" />
          ) : null}
          <h1 className="text-lg font-semibold break-words">{merchant.name}</h1>
        </header>
        <div className="space-y-5 p-4 sm:p-6">{children}</div>
      </main>
      {cancelUrl ? (
        <a href={cancelUrl} target={embed ? "_top" : undefined} className="mt-4 self-start text-sm text-slate-700 underline underline-offset-2 hover:text-slate-900">
          ← {t(m.backToMerchant, { merchant: merchant.name })}
        </a>
      ) : null}
      <p className={`${embed ? "pt-3" : "mt-auto pt-6"} text-center text-xs text-slate-600`}>{m.poweredBy}</p>
    </div>
  );
}
