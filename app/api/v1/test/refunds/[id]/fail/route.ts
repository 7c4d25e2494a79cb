import { merchantRoute } from "@/lib/api/merchant-route";
import { simulateRefundFailInput } from "@/lib/checkout/schemas";
import { refundToObject } from "@/lib/checkout/serialize";
import { simulateRefund } from "@/lib/checkout/simulate-refund";

// POST /api/v1/test/refunds/{id}/fail – the sandbox fails a pending refund, giving its amount back (test keys only)
export const POST = merchantRoute({ body: simulateRefundFailInput }, async ({ db, scope, params, body, now }) => {
  const settled = await simulateRefund(db, scope, { refundId: params.id!, outcome: "failed", ...body, at: now });
  return { body: refundToObject(settled.refund) };
});
