import Link from "next/link";

export default function Home() {
  return (
    <main className="mx-auto max-w-2xl space-y-4 px-4 py-16">
      <h1 className="text-2xl font-semibold">Kassa</h1>
      <p>
        An open-source, self-hostable hosted checkout: your server creates a checkout session over the API, the buyer pays
        on Kassa&apos;s page by card, bank transfer, mobile money, Pix and more, and you get a webhook.
      </p>
      <ul className="list-disc space-y-1 pl-6">
        <li>
          <Link className="underline" href="/demo">Demo store</Link>: buy something in test mode, hosted or embedded
        </li>
        <li>
          <Link className="underline" href="/docs">API reference</Link>
        </li>
        <li>
          <a className="underline" href="/api/v1/openapi.json">OpenAPI document</a>
        </li>
      </ul>
    </main>
  );
}
