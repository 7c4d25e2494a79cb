import { z } from "zod";
import type { EventRow } from "@/db/queries/events";
import { EVENT_TYPES } from "./types";
import { timestamp } from "@/lib/clock";

/** What every event has, whatever it is about (SPEC 5); lib/checkout/schemas.ts builds eventObject on it. */
export const eventFields = {
  id: z.string(),
  object: z.literal("event"),
  livemode: z.boolean(),
  createdAt: timestamp,
};

/**
 * An event as the API shows it (SPEC 5). `data.object` is the object the event is about, as
 * it was then; its shape is its domain's (lib/checkout/schemas.ts names the session's and the
 * payment's for the OpenAPI document).
 */
const eventEnvelope = z.object({
  ...eventFields,
  type: z.enum(EVENT_TYPES),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

export type EventObject = z.output<typeof eventEnvelope>;

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
