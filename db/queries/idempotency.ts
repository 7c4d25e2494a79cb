import { and, eq, lt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;
export type IdempotencyScope = { merchantId: string; livemode: boolean; key: string };

const pk = (s: IdempotencyScope) =>
  and(eq(idempotencyKeys.merchantId, s.merchantId), eq(idempotencyKeys.livemode, s.livemode), eq(idempotencyKeys.key, s.key));

/** Claims the key for a new request; false when a row for it already exists. */
export async function claimIdempotencyKey(
  db: Database,
  s: IdempotencyScope & { requestHash: string; at: Date; lockedUntil: Date },
): Promise<boolean> {
  const rows = await db
    .insert(idempotencyKeys)
    .values({
      merchantId: s.merchantId,
      livemode: s.livemode,
      key: s.key,
      requestHash: s.requestHash,
      state: "running",
      lockedUntil: s.lockedUntil,
      createdAt: s.at,
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return rows.length === 1;
}

export async function findIdempotencyKey(db: Database, s: IdempotencyScope): Promise<IdempotencyRow | null> {
  const [row] = await db.select().from(idempotencyKeys).where(pk(s)).limit(1);
  return row ?? null;
}

/** Takes over a key whose request died mid-flight (its lock ran out without a response). */
export async function reclaimStaleIdempotencyKey(db: Database, s: IdempotencyScope, at: Date, lockedUntil: Date) {
  const rows = await db
    .update(idempotencyKeys)
    .set({ lockedUntil })
    .where(and(pk(s), eq(idempotencyKeys.state, "running"), lt(idempotencyKeys.lockedUntil, at)))
    .returning({ key: idempotencyKeys.key });
  return rows.length === 1;
}

export async function completeIdempotencyKey(db: Database, s: IdempotencyScope, status: number, body: string) {
  await db
    .update(idempotencyKeys)
    .set({ state: "done", responseStatus: status, responseBody: body })
    .where(pk(s));
}

export async function releaseIdempotencyKey(db: Database, s: IdempotencyScope) {
  await db.delete(idempotencyKeys).where(and(pk(s), eq(idempotencyKeys.state, "running")));
}

/** Keys older than the cutoff are forgotten: a later request with the same key starts afresh. */
export async function deleteIdempotencyKeysBefore(db: Database, cutoff: Date): Promise<number> {
  const rows = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, cutoff))
    .returning({ key: idempotencyKeys.key });
  return rows.length;
}

export async function deleteExpiredIdempotencyKey(db: Database, s: IdempotencyScope, cutoff: Date) {
  await db.delete(idempotencyKeys).where(and(pk(s), lt(idempotencyKeys.createdAt, cutoff)));
}
