import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "Kassa",
  description: "Self-hostable hosted checkout",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f766e" };

// Kassa's own pages (home, docs, demo store), in English. The buyer's pages, in the buyer's
// language, are not under this layout: route handlers render them whole (app/checkout/[id]).
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}
