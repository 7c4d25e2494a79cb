import type { Database } from "@/db/client";
import type { PageParams } from "@/db/queries/pagination";
import type { Scope } from "@/db/queries/scope";
import { findEndpoint, listEndpoints, type EndpointRow, type EndpointStatus } from "@/db/queries/webhooks";
import { notFound } from "@/lib/errors";
import { looksLikeId } from "@/lib/ids";
import type { EndpointObject } from "./schemas";
import { endpointToObject } from "./serialize";

/** The endpoint row, or a 404 for a deleted one or one of another merchant or mode. */
export async function requireEndpoint(db: Database, scope: Scope, id: string): Promise<EndpointRow> {
  const row = looksLikeId(id, "we_") ? await findEndpoint(db, scope, id) : null;
  if (!row) throw notFound("webhook endpoint", id);
  return row;
}

export async function getEndpoint(db: Database, scope: Scope, id: string): Promise<EndpointObject> {
  return endpointToObject(await requireEndpoint(db, scope, id));
}

export async function listEndpointObjects(db: Database, params: Scope & PageParams & { status?: EndpointStatus }) {
  const page = await listEndpoints(db, params);
  if (!page) return null;
  return { object: "list" as const, data: page.data.map(endpointToObject), hasMore: page.hasMore };
}
