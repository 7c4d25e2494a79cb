import { z } from "zod";
import { merchantRoute } from "@/lib/api/merchant-route";
import { refundToObject } from "@/lib/checkout/serialize";
import { simulateRefund } from "@/lib/checkout/simulate-refund";

// POST /api/v1/test/refunds/{id}/succeed – the sandbox returns a pending refund's money (test keys only)
export const POST = merchantRoute({ body: z.strictObject({}) }, async ({ db, scope, params, now }) => {
  const settled = await simulateRefund(db, scope, { refundId: params.id!, outcome: "succeeded", at: now });
  return { body: refundToObject(settled.refund) };
});
