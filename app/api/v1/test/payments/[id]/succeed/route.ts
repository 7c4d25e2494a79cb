import { z } from "zod";
import { merchantRoute } from "@/lib/api/merchant-route";
import { paymentToObject } from "@/lib/checkout/serialize";
import { simulateNotification } from "@/lib/checkout/simulate";

// POST /api/v1/test/payments/{id}/succeed – the sandbox confirms a pending payment (test keys only)
export const POST = merchantRoute({ body: z.strictObject({}) }, async ({ db, scope, params, now }) => {
  const settled = await simulateNotification(db, scope, { paymentId: params.id!, outcome: "succeeded", at: now });
  return { body: paymentToObject(settled.payment) };
});
