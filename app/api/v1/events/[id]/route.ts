import { merchantRoute } from "@/lib/api/merchant-route";
import { getEvent } from "@/lib/events/read";

// GET /api/v1/events/{id} – retrieve an event
export const GET = merchantRoute({}, async ({ db, scope, params }) => ({
  body: await getEvent(db, scope, params.id!),
}));
