import type { Metadata } from "next";
import Link from "next/link";
import { publicUrl } from "@/lib/env";
import { demoTestKey } from "@/lib/merchants/demo";
import { formatMoney, isCurrency } from "@/lib/money/currencies";

export const metadata: Metadata = { title: "Thank you · Demo store" };
export const dynamic = "force-dynamic";

// The merchant's success page: it trusts the API, never the URL, for whether the order is paid.
export default async function DemoSuccess({ searchParams }: { searchParams: Promise<{ session?: string }> }) {
  const { session: id } = await searchParams;
  let session: { id: string; status: string; amount: number; currency: string } | null = null;
  if (id && /^cs_test_[0-9A-Za-z]{16,64}$/.test(id)) {
    const res = await fetch(`${publicUrl()}/api/v1/checkout/sessions/${id}`, {
      headers: { authorization: `Bearer ${demoTestKey()}` },
      cache: "no-store",
    });
    if (res.ok) session = await res.json();
  }
  const paid = session?.status === "paid";
  return (
    <main className="mx-auto max-w-xl px-4 py-10">
      <p className="text-sm font-medium text-teal-800">Kassa demo store</p>
      <h1 className="text-2xl font-semibold">{paid ? "Thank you for your order" : "Order not paid"}</h1>
      {session ? (
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-lg bg-white p-4 ring-1 ring-slate-200">
          <dt className="text-slate-700">Session</dt>
          <dd className="font-mono text-sm break-all">{session.id}</dd>
          <dt className="text-slate-700">Status (from the API)</dt>
          <dd data-testid="api-status" className="font-semibold">
            {session.status}
          </dd>
          <dt className="text-slate-700">Amount</dt>
          <dd>{isCurrency(session.currency) ? formatMoney(session.amount, session.currency, "en") : session.amount}</dd>
        </dl>
      ) : (
        <p className="mt-4">No such order.</p>
      )}
      <p className="mt-6">
        <Link className="underline" href="/demo">
          Back to the store
        </Link>
      </p>
    </main>
  );
}
