import { renderToString } from "react-dom/server.edge";
import type { PageAssets } from "@/lib/api/buyer-page";
import type { Frame } from "@/lib/checkout/page-props";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { CheckoutShell } from "./checkout-shell";

/**
 * A buyer page as the HTML document the browser gets: React renders it once, on the server,
 * and nothing of React follows it (the `.edge` build is the one Next.js lets a route handler use).
 */
export function renderBuyerPage(page: React.ReactElement): string {
  return `<!DOCTYPE html>${renderToString(page)}`;
}

type DocumentProps = { locale: Locale; title: string; nonce?: string; assets: PageAssets; head?: React.ReactNode; children: React.ReactNode };

/** The page says its own language (WCAG 3.1.1), and links the buyer pages' one stylesheet. */
export function BuyerDocument({ locale, title, nonce, assets, head, children }: DocumentProps) {
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {head}
        <link rel="stylesheet" href={assets.css} nonce={nonce} />
      </head>
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}

/** Head, shell and script of every buyer page of a session. */
export function BuyerPage({ frame, title, assets, summary, children }: { frame: Frame; title: string; assets: PageAssets; summary?: React.ReactNode; children: React.ReactNode }) {
  const nonce = frame.nonce ?? undefined;
  return (
    <BuyerDocument
      locale={frame.locale}
      title={title}
      nonce={nonce}
      assets={assets}
      head={
        <>
          <meta name="theme-color" content="#0f766e" />
          <meta name="robots" content="noindex, nofollow" />
          <meta name="referrer" content="same-origin" />
          <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        </>
      }
    >
      <CheckoutShell {...frame} m={MESSAGES[frame.locale]} nonce={nonce} summary={summary}>
        {children}
      </CheckoutShell>
      {/* The only script: field checks, countdown, copy, live status, the embed bridge. */}
      <script src={assets.js} defer nonce={nonce} />
    </BuyerDocument>
  );
}

type NotFoundProps = {
  locale: Locale;
  assets: PageAssets;
  nonce?: string;
  /** What is not found, when it is not a session (a receipt): the session's words otherwise. */
  title?: string;
  body?: string;
};

/** An unknown session (or another page of one that is not there): a real 404 in the buyer's language. */
export function NotFoundPage({ locale, assets, nonce, title, body }: NotFoundProps) {
  const m = MESSAGES[locale];
  const heading = title ?? m.notFoundTitle;
  return (
    <BuyerDocument locale={locale} title={heading} nonce={nonce} assets={assets} head={<meta name="robots" content="noindex, nofollow" />}>
      <main className="mx-auto max-w-lg px-4 py-16">
        <h1 className="text-xl font-semibold">{heading}</h1>
        <p className="mt-2 text-slate-700">{body ?? m.notFoundBody}</p>
      </main>
    </BuyerDocument>
  );
}
