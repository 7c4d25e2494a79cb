import { merchantRoute } from "@/lib/api/merchant-route";
import { deleteEndpoint } from "@/lib/webhooks/delete-endpoint";
import { getEndpoint } from "@/lib/webhooks/endpoints";
import { updateEndpointInput } from "@/lib/webhooks/schemas";
import { updateEndpointFields } from "@/lib/webhooks/update-endpoint";

// GET /api/v1/webhook-endpoints/{id} – retrieve an endpoint (never its secret)
export const GET = merchantRoute({}, async ({ db, scope, params }) => ({
  body: await getEndpoint(db, scope, params.id!),
}));

// PATCH /api/v1/webhook-endpoints/{id} – change url, events, description or status
export const PATCH = merchantRoute({ body: updateEndpointInput }, async ({ db, scope, params, body, now }) => ({
  body: await updateEndpointFields(db, { scope, id: params.id!, input: body, now }),
}));

// DELETE /api/v1/webhook-endpoints/{id} – delete an endpoint; it receives nothing more
export const DELETE = merchantRoute({}, async ({ db, scope, params, now }) => ({
  body: await deleteEndpoint(db, scope, params.id!, now),
}));
