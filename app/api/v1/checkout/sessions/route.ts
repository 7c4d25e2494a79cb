import { merchantRoute } from "@/lib/api/merchant-route";
import { notFound } from "@/lib/api/errors";
import { createSession } from "@/lib/checkout/create-session";
import { listSessionObjects } from "@/lib/checkout/get-session";
import { createSessionInput, listSessionsQuery } from "@/lib/checkout/schemas";

// POST /api/v1/checkout/sessions – create a checkout session
export const POST = merchantRoute({ body: createSessionInput }, async ({ db, merchant, livemode, body, now }) => ({
  status: 201,
  body: await createSession(db, { merchant, livemode, input: body, now }),
}));

// GET /api/v1/checkout/sessions – list sessions, newest first
export const GET = merchantRoute({ query: listSessionsQuery }, async ({ db, scope, query, now }) => {
  const { "customer.email": customerEmail, ...rest } = query;
  const page = await listSessionObjects(db, { ...scope, ...rest, customerEmail }, now);
  if (!page) throw notFound("checkout session", query.startingAfter ?? query.endingBefore ?? "");
  return { body: page };
});
