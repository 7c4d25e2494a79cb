import { merchantRoute } from "@/lib/api/merchant-route";
import { resendEvent } from "@/lib/webhooks/resend-event";
import { resendEventInput } from "@/lib/webhooks/schemas";

// POST /api/v1/events/{id}/resend – deliver an event again to its endpoints (or to one)
export const POST = merchantRoute({ body: resendEventInput }, async ({ db, scope, params, body, now }) => ({
  body: await resendEvent(db, { scope, eventId: params.id!, endpointId: body.endpoint, now }),
}));
