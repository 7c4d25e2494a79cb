import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { LOCALES } from "@/lib/checkout/schemas";
import { LANG_HEADER } from "@/lib/api/http";
import "./globals.css";

export const metadata: Metadata = {
  title: "Kassa",
  description: "Self-hostable hosted checkout",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f766e" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Set by proxy.ts from the checkout's locale (WCAG 3.1.1: the page says its own language).
  const lang = (await headers()).get(LANG_HEADER);
  return (
    <html lang={lang && (LOCALES as readonly string[]).includes(lang) ? lang : "en"}>
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}
