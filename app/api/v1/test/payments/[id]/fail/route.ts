import { merchantRoute } from "@/lib/api/merchant-route";
import { simulateFailInput } from "@/lib/checkout/schemas";
import { paymentToObject } from "@/lib/checkout/serialize";
import { simulateNotification } from "@/lib/checkout/simulate";

// POST /api/v1/test/payments/{id}/fail – the sandbox fails a pending payment (test keys only)
export const POST = merchantRoute({ body: simulateFailInput }, async ({ db, scope, params, body, now }) => {
  const settled = await simulateNotification(db, scope, { paymentId: params.id!, outcome: "failed", ...body, at: now });
  return { body: paymentToObject(settled.payment) };
});
