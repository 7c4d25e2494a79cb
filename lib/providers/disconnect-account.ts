import type { Database } from "@/db/client";
import { updateProviderAccount } from "@/db/queries/provider-accounts";
import type { Scope } from "@/db/queries/scope";
import { notFound } from "@/lib/errors";
import { looksLikeId } from "@/lib/ids";

/**
 * Disconnects an account: it routes no payment from now on and answers 404. The row stays
 * (soft delete), sealed credentials and all: payments it started are still read back through it.
 */
export async function disconnectAccount(db: Database, scope: Scope, id: string, now: Date) {
  const row = looksLikeId(id, "pa_")
    ? await updateProviderAccount(db, scope, id, { status: "disabled", deletedAt: now, updatedAt: now })
    : null;
  if (!row) throw notFound("provider account", id);
  return { id: row.id, object: "provider_account" as const, deleted: true as const };
}
