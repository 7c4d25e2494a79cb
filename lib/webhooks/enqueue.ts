import type { EventRow } from "@/db/queries/events";
import type { EndpointRow } from "@/db/queries/webhooks";
import { newId } from "@/lib/ids";

/**
 * A pending delivery of `event` to `endpoint`, due at `at` (a resend). The deliveries of a new
 * event are written with the event itself, in the same statement (db/queries/events.ts).
 */
export function newDelivery(event: EventRow, endpoint: EndpointRow, at: Date) {
  return {
    id: newId("delivery"),
    eventId: event.id,
    endpointId: endpoint.id,
    merchantId: event.merchantId,
    livemode: event.livemode,
    status: "pending" as const,
    attempts: 0,
    nextAttemptAt: at,
    createdAt: at,
  };
}
