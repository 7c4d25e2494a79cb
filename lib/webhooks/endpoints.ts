import type { Database } from "@/db/client";
import type { PageParams } from "@/db/queries/pagination";
import type { Scope } from "@/db/queries/scope";
import {
  failIdleDeliveries,
  findEndpoint,
  listEndpoints,
  updateEndpoint,
  type EndpointChanges,
  type EndpointRow,
  type EndpointStatus,
} from "@/db/queries/webhooks";
import { notFound } from "@/lib/errors";
import { looksLikeId, newId } from "@/lib/ids";
import type { EndpointObject } from "./schemas";
import { endpointToObject } from "./serialize";

/** The endpoint row, or a 404 for a deleted one or one of another merchant or mode. */
export async function requireEndpoint(db: Database, scope: Scope, id: string): Promise<EndpointRow> {
  const row = looksLikeId(id, "we_") ? await findEndpoint(db, scope, id) : null;
  if (!row) throw notFound("webhook endpoint", id);
  return row;
}

/**
 * Writes an endpoint's changes; when they stop it (disabled or deleted), the deliveries still
 * waiting for it fail in the same transaction, with `why` as their attempt's error.
 */
export async function changeEndpoint(db: Database, scope: Scope, id: string, changes: EndpointChanges, why: string) {
  return db.transaction(async (tx) => {
    const row = await updateEndpoint(tx, scope, id, changes);
    if (row && changes.status === "disabled") {
      await failIdleDeliveries(tx, { endpointId: id, at: changes.updatedAt, error: why, newAttemptId: () => newId("deliveryAttempt") });
    }
    return row;
  });
}

export async function getEndpoint(db: Database, scope: Scope, id: string): Promise<EndpointObject> {
  return endpointToObject(await requireEndpoint(db, scope, id));
}

export async function listEndpointObjects(db: Database, params: Scope & PageParams & { status?: EndpointStatus }) {
  const page = await listEndpoints(db, params);
  if (!page) return null;
  return { object: "list" as const, data: page.data.map(endpointToObject), hasMore: page.hasMore };
}
