import { merchantRoute } from "@/lib/api/merchant-route";
import { listDeliveryObjects } from "@/lib/webhooks/list-deliveries";
import { listDeliveriesQuery } from "@/lib/webhooks/schemas";

// GET /api/v1/webhook-endpoints/{id}/deliveries – deliveries and their attempts, newest first
export const GET = merchantRoute({ query: listDeliveriesQuery }, async ({ db, scope, params, query }) => ({
  body: await listDeliveryObjects(db, { ...scope, ...query, endpointId: params.id! }),
}));
