import { events } from "@/db/schema";

/** The event types of SPEC 5, in the order a session's life produces them (the events table's `type`). */
export const EVENT_TYPES = events.type.enumValues;

export type EventType = (typeof EVENT_TYPES)[number];
