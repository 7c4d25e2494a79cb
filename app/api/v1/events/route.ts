import { notFound } from "@/lib/errors";
import { merchantRoute } from "@/lib/api/merchant-route";
import { listEventObjects } from "@/lib/events/read";
import { listEventsQuery } from "@/lib/checkout/schemas";

// GET /api/v1/events – list events, newest first
export const GET = merchantRoute({ query: listEventsQuery }, async ({ db, scope, query }) => {
  const page = await listEventObjects(db, { ...scope, ...query });
  if (!page) throw notFound("event", query.startingAfter ?? query.endingBefore ?? "");
  return { body: page };
});
