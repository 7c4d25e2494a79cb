import { merchantRoute } from "@/lib/api/merchant-route";
import { getRefund } from "@/lib/checkout/get-refund";

// GET /api/v1/refunds/{id} – retrieve a refund
export const GET = merchantRoute({}, async ({ db, scope, params }) => ({
  body: await getRefund(db, scope, params.id!),
}));
