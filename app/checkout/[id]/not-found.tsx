import { headers } from "next/headers";
import { MESSAGES } from "@/lib/i18n/messages";
import { resolveLocale } from "@/lib/i18n/negotiate";

export default async function CheckoutNotFound() {
  const m = MESSAGES[resolveLocale("auto", (await headers()).get("accept-language"))];
  return (
    <main className="mx-auto max-w-lg px-4 py-16">
      <h1 className="text-xl font-semibold">{m.notFoundTitle}</h1>
      <p className="mt-2 text-slate-700">{m.notFoundBody}</p>
    </main>
  );
}
