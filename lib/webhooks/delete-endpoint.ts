import type { Database } from "@/db/client";
import type { Scope } from "@/db/queries/scope";
import { failIdleDeliveries, updateEndpoint } from "@/db/queries/webhooks";
import { notFound } from "@/lib/errors";
import { looksLikeId, newId } from "@/lib/ids";

/**
 * Deletes an endpoint: it stops receiving at once and answers 404 from then on. The row stays
 * (soft delete) because its deliveries and their attempts refer to it.
 */
export async function deleteEndpoint(db: Database, scope: Scope, id: string, now: Date) {
  const deleted = looksLikeId(id, "we_")
    ? await db.transaction(async (tx) => {
        const row = await updateEndpoint(tx, scope, id, { status: "disabled", deletedAt: now, updatedAt: now });
        if (!row) return null;
        await failIdleDeliveries(tx, {
          endpointId: id,
          at: now,
          error: "Not sent: the endpoint was deleted.",
          newAttemptId: () => newId("deliveryAttempt"),
        });
        return row;
      })
    : null;
  if (!deleted) throw notFound("webhook endpoint", id);
  return { id: deleted.id, object: "webhook_endpoint" as const, deleted: true as const };
}
