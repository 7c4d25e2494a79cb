import type { Database } from "@/db/client";
import { findEvent } from "@/db/queries/events";
import type { Scope } from "@/db/queries/scope";
import { findSubscribedEndpoints, insertDeliveries } from "@/db/queries/webhooks";
import { invalidState, notFound } from "@/lib/errors";
import { looksLikeId } from "@/lib/ids";
import { newDelivery } from "./enqueue";
import { requireEndpoint } from "./endpoints";
import { deliveryToObject } from "./serialize";

export type ResendEventOptions = { scope: Scope; eventId: string; endpointId?: string; now: Date };

/**
 * Queues the event again: to one endpoint, or to every enabled endpoint that takes its type.
 * A new delivery carries the same `webhook-id` (the event id), so a receiver that already
 * handled it can tell.
 */
export async function resendEvent(db: Database, opts: ResendEventOptions) {
  const { scope, eventId, endpointId, now } = opts;
  const event = looksLikeId(eventId, "evt_") ? await findEvent(db, scope, eventId) : null;
  if (!event) throw notFound("event", eventId);

  let endpoints;
  if (endpointId) {
    const endpoint = await requireEndpoint(db, scope, endpointId);
    if (endpoint.status !== "enabled") throw invalidState("This webhook endpoint is disabled; enable it first.", "endpoint_disabled");
    if (!endpoint.events.includes("*") && !endpoint.events.includes(event.type)) {
      throw invalidState(`This webhook endpoint does not take ${event.type} events.`, "endpoint_not_subscribed");
    }
    endpoints = [endpoint];
  } else {
    endpoints = await findSubscribedEndpoints(db, scope, event.type);
    if (endpoints.length === 0) {
      throw invalidState(`No enabled webhook endpoint takes ${event.type} events.`, "no_endpoint");
    }
  }
  const rows = await insertDeliveries(db, endpoints.map((e) => newDelivery(event, e, now)));
  return {
    object: "list" as const,
    data: rows.map((d) => deliveryToObject({ ...d, eventType: event.type })),
    hasMore: false,
  };
}
