// The pages router serves only the buyer's pages (pages/checkout), which ship no framework
// script at all (see pages/checkout/[id]/index.tsx); everything else is the App Router (app/).
import type { AppProps } from "next/app";
import "@/app/globals.css";

export default function BuyerApp({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
