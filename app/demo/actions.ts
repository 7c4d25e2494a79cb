"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { publicUrl } from "@/lib/env";
import { demoTestKey } from "@/lib/merchants/demo";
import { PRODUCTS } from "./catalog";

const order = z.object({
  product: z.enum(PRODUCTS.map((p) => p.id) as [string, ...string[]]),
  quantity: z.coerce.number().int().min(1).max(10),
});

/**
 * What a merchant's server does: create the session over Kassa's HTTP API with its secret
 * key, then send the buyer on (hosted) or mount it in the page (embedded).
 */
async function createDemoSession(formData: FormData, mode: "hosted" | "embedded") {
  const parsed = order.safeParse({ product: formData.get("product"), quantity: formData.get("quantity") ?? 1 });
  if (!parsed.success) redirect("/demo?error=invalid");
  const product = PRODUCTS.find((p) => p.id === parsed.data.product)!;
  const base = publicUrl();
  const res = await fetch(`${base}/api/v1/checkout/sessions`, {
    method: "POST",
    headers: { authorization: `Bearer ${demoTestKey()}`, "content-type": "application/json" },
    body: JSON.stringify({
      currency: "NGN",
      lineItems: [{ name: product.name, description: product.description, unitAmount: product.unitAmount, quantity: parsed.data.quantity }],
      mode,
      successUrl: `${base}/demo/success?session={CHECKOUT_SESSION_ID}`,
      cancelUrl: `${base}/demo`,
      clientReferenceId: `demo-${Date.now()}`,
    }),
    cache: "no-store",
  });
  if (!res.ok) redirect(`/demo?error=${res.status === 401 ? "key" : "api"}`);
  const session = (await res.json()) as { id: string; checkoutUrl: string };
  redirect(mode === "hosted" ? session.checkoutUrl : `/demo/embedded?session=${encodeURIComponent(session.id)}`);
}

export async function buyHosted(formData: FormData) {
  await createDemoSession(formData, "hosted");
}

export async function buyEmbedded(formData: FormData) {
  await createDemoSession(formData, "embedded");
}
