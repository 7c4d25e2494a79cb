import type { AttemptRow, DeliveryWithType, EndpointRow } from "@/db/queries/webhooks";
import type { AttemptObject, DeliveryObject, EndpointObject } from "./schemas";

export function endpointToObject(e: EndpointRow): EndpointObject {
  return {
    id: e.id,
    object: "webhook_endpoint",
    livemode: e.livemode,
    url: e.url,
    events: e.events,
    description: e.description,
    status: e.status,
    disabledReason: e.disabledReason,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

export function attemptToObject(a: AttemptRow): AttemptObject {
  return {
    id: a.id,
    object: "webhook_attempt",
    attemptedAt: a.attemptedAt.toISOString(),
    responseStatus: a.responseStatus,
    durationMs: a.durationMs,
    responseBody: a.responseBody,
    error: a.error,
  };
}

export function deliveryToObject(d: DeliveryWithType, attempts: AttemptRow[] = []): DeliveryObject {
  return {
    id: d.id,
    object: "webhook_delivery",
    livemode: d.livemode,
    endpoint: d.endpointId,
    event: d.eventId,
    eventType: d.eventType,
    status: d.status,
    attemptCount: d.attempts,
    nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
    lastAttemptAt: d.lastAttemptAt ? d.lastAttemptAt.toISOString() : null,
    createdAt: d.createdAt.toISOString(),
    attempts: attempts.filter((a) => a.deliveryId === d.id).map(attemptToObject),
  };
}
