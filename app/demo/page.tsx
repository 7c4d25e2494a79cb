import type { Metadata } from "next";
import { DEMO_MERCHANT_NAME } from "@/lib/merchants/demo";
import { formatMoney } from "@/lib/money/currencies";
import { buyEmbedded, buyHosted } from "./actions";
import { PRODUCTS } from "./catalog";

export const metadata: Metadata = { title: "Demo store · Kassa" };
export const dynamic = "force-dynamic";

const ERRORS: Record<string, string> = {
  key: "The demo merchant's test key was refused. Was it revoked? Start Kassa on a fresh database to recreate it.",
  api: "Kassa's API refused the order. See the server log.",
  invalid: "That order is not valid.",
};

// The demo store: a merchant's shop page, with both ways to take payment through Kassa.
export default async function DemoStore({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <header className="mb-6">
        <p className="text-sm font-medium text-teal-800">Kassa demo store · test mode</p>
        <h1 className="text-2xl font-semibold">{DEMO_MERCHANT_NAME}</h1>
        <p className="mt-1 text-slate-700">
          Every button creates a real checkout session with the demo merchant&apos;s test key. Pay with the sandbox&apos;s
          test values: no money moves.
        </p>
      </header>
      {error && ERRORS[error] ? (
        <p role="alert" className="mb-4 rounded-md bg-red-50 p-3 text-red-900 ring-1 ring-red-200">
          {ERRORS[error]}
        </p>
      ) : null}
      <ul className="grid gap-4 sm:grid-cols-2">
        {PRODUCTS.map((p) => (
          <li key={p.id} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <h2 className="text-lg font-semibold">{p.name}</h2>
            <p className="text-sm text-slate-700">{p.description}</p>
            <p className="mt-2 text-xl font-semibold tabular-nums">{formatMoney(p.unitAmount, "NGN", "en")}</p>
            <form className="mt-3 flex flex-wrap items-end gap-2">
              <input type="hidden" name="product" value={p.id} />
              <label className="flex flex-col text-sm">
                Quantity
                <input
                  name="quantity"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={10}
                  defaultValue={1}
                  className="mt-1 w-20 rounded-md border border-slate-400 px-2 py-1.5"
                />
              </label>
              <button
                formAction={buyHosted}
                aria-label={`Buy (hosted): ${p.name}`}
                className="rounded-md bg-teal-800 px-3 py-2 font-medium text-white hover:bg-teal-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-800"
              >
                Buy (hosted)
              </button>
              <button
                formAction={buyEmbedded}
                aria-label={`Buy (embedded): ${p.name}`}
                className="rounded-md px-3 py-2 font-medium text-teal-900 ring-1 ring-teal-800 hover:bg-teal-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-800"
              >
                Buy (embedded)
              </button>
            </form>
          </li>
        ))}
      </ul>
    </main>
  );
}
