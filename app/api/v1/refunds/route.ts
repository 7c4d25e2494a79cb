import { merchantRoute } from "@/lib/api/merchant-route";
import { notFound } from "@/lib/errors";
import { createRefund } from "@/lib/checkout/create-refund";
import { listRefundObjects } from "@/lib/checkout/get-refund";
import { createRefundInput, listRefundsQuery } from "@/lib/checkout/schemas";

// POST /api/v1/refunds – refund a succeeded payment, in full or in part
// (callsProvider: a connected provider is asked with no transaction open)
export const POST = merchantRoute({ body: createRefundInput, callsProvider: true }, async ({ db, scope, body, now }) => ({
  status: 201,
  body: await createRefund(db, { scope, input: body, at: now }),
}));

// GET /api/v1/refunds – list refunds, newest first
export const GET = merchantRoute({ query: listRefundsQuery }, async ({ db, scope, query }) => {
  const { payment, ...page } = query;
  const list = await listRefundObjects(db, { ...scope, ...page, paymentId: payment });
  if (!list) throw notFound("refund", query.startingAfter ?? query.endingBefore ?? "");
  return { body: list };
});
