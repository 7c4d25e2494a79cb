import { z } from "zod";
import { merchantRoute } from "@/lib/api/merchant-route";
import { cancelSession } from "@/lib/checkout/cancel-session";

// POST /api/v1/checkout/sessions/{id}/cancel – cancel an open session
export const POST = merchantRoute({ body: z.strictObject({}) }, async ({ db, scope, params, now }) => ({
  body: await cancelSession(db, scope, params.id!, now),
}));
