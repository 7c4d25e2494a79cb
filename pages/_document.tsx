import { Head, Html, Main, NextScript, type DocumentProps } from "next/document";
import { LOCALES } from "@/lib/checkout/schemas";

// The page says its own language (WCAG 3.1.1): every buyer page's props carry its locale.
export default function BuyerDocument({ __NEXT_DATA__ }: DocumentProps) {
  const props = __NEXT_DATA__.props?.pageProps as { locale?: string; frame?: { locale: string } } | undefined;
  const lang = props?.frame?.locale ?? props?.locale;
  return (
    <Html lang={lang && (LOCALES as readonly string[]).includes(lang) ? lang : "en"}>
      <Head />
      <body className="min-h-dvh font-sans">
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
