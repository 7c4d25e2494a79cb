import type { Database } from "@/db/client";
import { findEvent, listEvents, type ListEventsParams } from "@/db/queries/events";
import type { Scope } from "@/db/queries/scope";
import { notFound } from "@/lib/errors";
import { looksLikeId } from "@/lib/ids";
import { eventToObject, type EventObject } from "./serialize";

export async function getEvent(db: Database, scope: Scope, id: string): Promise<EventObject> {
  const row = looksLikeId(id, "evt_") ? await findEvent(db, scope, id) : null;
  if (!row) throw notFound("event", id);
  return eventToObject(row);
}

export async function listEventObjects(db: Database, params: ListEventsParams) {
  const page = await listEvents(db, params);
  if (!page) return null;
  return { object: "list" as const, data: page.data.map(eventToObject), hasMore: page.hasMore };
}
