import type { Database } from "@/db/client";
import type { EventRow } from "@/db/queries/events";
import { insertDeliveries, type DeliveryRow, type EndpointRow } from "@/db/queries/webhooks";
import { newId } from "@/lib/ids";

/**
 * The outbox write: one pending delivery per enabled endpoint that takes this event, due at
 * once. Called inside the transaction that writes the event, so both exist or neither does.
 * `endpoints`: those subscribed to the event (findSubscribedEndpoints).
 */
export async function enqueueDeliveries(tx: Database, event: EventRow, endpoints: EndpointRow[]): Promise<DeliveryRow[]> {
  return insertDeliveries(tx, endpoints.map((e) => newDelivery(event, e, event.createdAt)));
}

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
