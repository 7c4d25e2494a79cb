import { Head, Html, Main, NextScript, type DocumentProps } from "next/document";
import { LOCALES } from "@/lib/i18n/locales";

// The page says its own language (WCAG 3.1.1): every buyer page's props carry its locale.
export default function BuyerDocument({ __NEXT_DATA__ }: DocumentProps) {
  const props = __NEXT_DATA__.props?.pageProps as { locale?: string; frame?: { locale: string; nonce: string | null } } | undefined;
  const lang = props?.frame?.locale ?? props?.locale;
  // Production sends no framework script (unstable_runtimeJS); `next dev` does, under the page's nonce.
  const nonce = props?.frame?.nonce ?? undefined;
  return (
    <Html lang={lang && (LOCALES as readonly string[]).includes(lang) ? lang : "en"}>
      <Head nonce={nonce} />
      <body className="min-h-dvh font-sans">
        <Main />
        <NextScript nonce={nonce} />
      </body>
    </Html>
  );
}
