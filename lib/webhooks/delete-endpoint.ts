import type { Database } from "@/db/client";
import type { Scope } from "@/db/queries/scope";
import { notFound } from "@/lib/errors";
import { looksLikeId } from "@/lib/ids";
import { changeEndpoint } from "./endpoints";

/**
 * Deletes an endpoint: it stops receiving at once and answers 404 from then on. The row stays
 * (soft delete) because its deliveries and their attempts refer to it.
 */
export async function deleteEndpoint(db: Database, scope: Scope, id: string, now: Date) {
  const deleted = looksLikeId(id, "we_")
    ? await changeEndpoint(db, scope, id, { status: "disabled", deletedAt: now, updatedAt: now }, "Not sent: the endpoint was deleted.")
    : null;
  if (!deleted) throw notFound("webhook endpoint", id);
  return { id: deleted.id, object: "webhook_endpoint" as const, deleted: true as const };
}
