import { merchantRoute } from "@/lib/api/merchant-route";
import { getPayment } from "@/lib/checkout/get-payment";

// GET /api/v1/payments/{id} – retrieve a payment
export const GET = merchantRoute({}, async ({ db, scope, params }) => ({
  body: await getPayment(db, scope, params.id!),
}));
