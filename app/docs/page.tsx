import type { Metadata } from "next";
import { headers } from "next/headers";
import Script from "next/script";

export const metadata: Metadata = { title: "Kassa API reference" };
export const dynamic = "force-dynamic";

// The API reference: /api/v1/openapi.json rendered by Redoc, whose bundle Kassa serves itself
// (./redoc.standalone.js). Its styles carry this page's CSP nonce (Redoc's `nonce` option); its
// search runs in a blob: worker, which the CSP refuses, so it is off.
export default async function DocsPage() {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const options = {
    nonce,
    disableSearch: true,
    expandResponses: "200,201",
    jsonSampleExpandLevel: 3,
    hideDownloadButton: false,
    theme: {
      colors: { primary: { main: "#0f766e" } },
      typography: { fontFamily: "system-ui, sans-serif", headings: { fontFamily: "system-ui, sans-serif" } },
      sidebar: { width: "260px" },
    },
  };
  return (
    <main className="bg-white">
      <header className="border-b border-slate-200 px-4 py-3 text-sm">
        <a className="font-semibold underline" href="/">
          Kassa
        </a>{" "}
        · API reference · machine-readable:{" "}
        <a className="underline" href="/api/v1/openapi.json">
          openapi.json
        </a>
      </header>
      <noscript>
        <p className="px-4 py-6">
          This reference needs JavaScript. The same document, as JSON:{" "}
          <a className="underline" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>
          .
        </p>
      </noscript>
      <div id="redoc" />
      <Script src="/docs/redoc.standalone.js" strategy="afterInteractive" nonce={nonce} />
      <Script id="redoc-init" strategy="afterInteractive" nonce={nonce}>
        {`(function init(){
  if (!window.Redoc) return setTimeout(init, 50);
  window.Redoc.init("/api/v1/openapi.json", ${JSON.stringify(options)}, document.getElementById("redoc"));
})();`}
      </Script>
    </main>
  );
}
