import { merchantRoute } from "@/lib/api/merchant-route";
import { getSession } from "@/lib/checkout/get-session";

// GET /api/v1/checkout/sessions/{id} – retrieve a session with its payments
export const GET = merchantRoute({}, async ({ db, scope, params, now }) => ({
  body: await getSession(db, scope, params.id!, now),
}));
