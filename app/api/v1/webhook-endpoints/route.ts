import { notFound } from "@/lib/errors";
import { merchantRoute } from "@/lib/api/merchant-route";
import { createEndpoint } from "@/lib/webhooks/create-endpoint";
import { listEndpointObjects } from "@/lib/webhooks/endpoints";
import { createEndpointInput, listEndpointsQuery } from "@/lib/webhooks/schemas";

// POST /api/v1/webhook-endpoints – register an endpoint; its secret is in this response only
export const POST = merchantRoute({ body: createEndpointInput }, async ({ db, scope, body, now }) => ({
  status: 201,
  body: await createEndpoint(db, { scope, input: body, now }),
}));

// GET /api/v1/webhook-endpoints – list endpoints, newest first
export const GET = merchantRoute({ query: listEndpointsQuery }, async ({ db, scope, query }) => {
  const page = await listEndpointObjects(db, { ...scope, ...query });
  if (!page) throw notFound("webhook endpoint", query.startingAfter ?? query.endingBefore ?? "");
  return { body: page };
});
