import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "Kassa",
  description: "Self-hostable hosted checkout",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f766e" };

// The App Router serves Kassa's own pages (home, docs, demo store), in English; the buyer's
// pages, in the buyer's language, are the pages router's (pages/checkout).
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}
