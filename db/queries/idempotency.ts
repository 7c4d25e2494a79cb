import { and, eq, lt, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";
import { param } from "@/db/statement";

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;
export type IdempotencyScope = { merchantId: string; livemode: boolean; key: string };

const pk = (s: IdempotencyScope) =>
  and(eq(idempotencyKeys.merchantId, s.merchantId), eq(idempotencyKeys.livemode, s.livemode), eq(idempotencyKeys.key, s.key));

/** A key stored already done, with its response: for a change that is one statement. */
export type DoneKey = IdempotencyScope & { requestHash: string; at: Date; status: number; body: string };

/**
 * The `claim` part of a WITH clause that takes a free key and stores the response with the
 * change itself; it returns a row only when the key was free. A repeat that comes meanwhile
 * waits for the statement to end and then finds the response, never a request in progress.
 */
export function claimDone(): SQL {
  return sql`claim as (
    insert into idempotency_keys (merchant_id, livemode, key, request_hash, state, response_status, response_body, locked_until, created_at)
    values (${param("claimMerchantId")}, ${param("claimLivemode")}, ${param("claimKey")}, ${param("claimRequestHash")}, 'done',
      ${param("claimStatus")}, ${param("claimBody")}, ${param("claimAt")}, ${param("claimAt")})
    on conflict do nothing
    returning 1
  )`;
}

/** The values of claimDone's part. */
export function claimValues(k: DoneKey) {
  return {
    claimMerchantId: k.merchantId,
    claimLivemode: k.livemode,
    claimKey: k.key,
    claimRequestHash: k.requestHash,
    claimStatus: k.status,
    claimBody: k.body,
    claimAt: k.at.toISOString(),
  };
}

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
