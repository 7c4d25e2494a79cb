import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import Script from "next/script";
import { DEMO_MERCHANT_NAME } from "@/lib/merchants/demo";

export const metadata: Metadata = { title: "Checkout · Demo store" };

// The demo store's own checkout page, with Kassa mounted inside it by embed.js.
export default async function EmbeddedCheckout({ searchParams }: { searchParams: Promise<{ session?: string }> }) {
  const { session } = await searchParams;
  if (!session || !/^cs_test_[0-9A-Za-z]{16,64}$/.test(session)) notFound();
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <main className="mx-auto max-w-xl px-3 py-6">
      <p className="text-sm font-medium text-teal-800">Kassa demo store · embedded checkout</p>
      <h1 className="mb-4 text-2xl font-semibold">{DEMO_MERCHANT_NAME}: pay for your order</h1>
      <div id="kassa-checkout" data-session={session} />
      <noscript>
        <p className="rounded-md bg-white p-4 ring-1 ring-slate-300">
          The embedded checkout needs JavaScript.{" "}
          <a className="font-medium text-teal-900 underline" href={`/checkout/${session}`}>
            Pay for this order on Kassa&apos;s checkout page
          </a>
          , which works without it.
        </p>
      </noscript>
      <p className="mt-4 text-sm text-slate-700">
        The payment form above is Kassa, framed in this page. This page is told when the payment completes and then
        shows the order status it reads from Kassa&apos;s API.
      </p>
      <Script src="/embed.js" strategy="afterInteractive" nonce={nonce} />
      <Script id="kassa-mount" strategy="afterInteractive" nonce={nonce}>
        {`(function mount(){
  if (!window.Kassa) return setTimeout(mount, 50);
  var el = document.getElementById("kassa-checkout");
  window.Kassa.mount(el, {
    sessionId: el.dataset.session,
    onComplete: function (e) { window.location.href = "/demo/success?session=" + encodeURIComponent(e.sessionId); }
  });
})();`}
      </Script>
    </main>
  );
}
