import Link from "next/link";

export default function Home() {
  return (
    <main className="mx-auto max-w-2xl space-y-4 px-4 py-16">
      <h1 className="text-2xl font-semibold">Kassa</h1>
      <p>An open-source, self-hostable hosted checkout.</p>
      <ul className="list-disc pl-6">
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
