import Head from "next/head";
import type { Frame } from "@/lib/checkout/page-props";
import { MESSAGES } from "@/lib/i18n/messages";
import { CheckoutShell } from "./checkout-shell";

/** Head, shell and script of every buyer page (pages/checkout). */
export function BuyerPage({ frame, title, children }: { frame: Frame; title: string; children: React.ReactNode }) {
  const nonce = frame.nonce ?? undefined;
  return (
    <>
      <Head>
        <title>{title}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0f766e" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="same-origin" />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
      </Head>
      <CheckoutShell {...frame} m={MESSAGES[frame.locale]} nonce={nonce}>
        {children}
      </CheckoutShell>
      {/* The only script: field checks, countdown, copy, live status, the embed bridge. */}
      <script src="/checkout.js" defer nonce={nonce} />
    </>
  );
}

/** An unknown session: a real 404 in the buyer's language. */
export function NotFoundPage({ locale }: { locale: keyof typeof MESSAGES }) {
  const m = MESSAGES[locale];
  return (
    <main className="mx-auto max-w-lg px-4 py-16">
      <Head>
        <title>{m.notFoundTitle}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
      </Head>
      <h1 className="text-xl font-semibold">{m.notFoundTitle}</h1>
      <p className="mt-2 text-slate-700">{m.notFoundBody}</p>
    </main>
  );
}
