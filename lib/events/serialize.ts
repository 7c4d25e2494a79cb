import type { EventRow } from "@/db/queries/events";
import type { EventType } from "./types";

/**
 * An event as the API shows it (SPEC 5). `data.object` is the object the event is about, as
 * it was then; its shape is its domain's (lib/checkout/schemas.ts names the session's and the
 * payment's for the OpenAPI document).
 */
export type EventObject = {
  id: string;
  object: "event";
  type: EventType;
  livemode: boolean;
  createdAt: string;
  data: { object: Record<string, unknown> };
};

export function eventToObject(e: EventRow): EventObject {
  return {
    id: e.id,
    object: "event",
    type: e.type,
    livemode: e.livemode,
    createdAt: e.createdAt.toISOString(),
    data: e.data,
  };
}
