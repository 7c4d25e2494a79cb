import { count, eq, getTableColumns, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { prepared } from "@/db/prepared";
import { merchants } from "@/db/schema";

export type MerchantRow = typeof merchants.$inferSelect;

export async function insertMerchant(db: Database, row: typeof merchants.$inferInsert): Promise<MerchantRow> {
  const [inserted] = await db.insert(merchants).values(row).returning();
  return inserted!;
}

const merchantById = prepared("merchant_by_id", (db) =>
  db.select().from(merchants).where(eq(merchants.id, sql.placeholder("id"))).limit(1),
);

export async function findMerchant(db: Database, id: string): Promise<MerchantRow | null> {
  const [row] = await merchantById(db, { id });
  return row ?? null;
}

/**
 * Locks the merchant's row until the transaction ends, so that a count-then-insert of its
 * objects (webhook endpoints under their cap) cannot interleave with another.
 */
export async function lockMerchant(db: Database, id: string): Promise<void> {
  await db.select({ id: merchants.id }).from(merchants).where(eq(merchants.id, id)).for("update");
}

export async function countMerchants(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(merchants);
  return row?.n ?? 0;
}

export type MerchantChanges = Partial<Pick<MerchantRow, "name" | "logoUrl" | "brandColor" | "rails" | "feeSchedule" | "autoRefundDuplicates">>;

export async function updateMerchant(db: Database, id: string, changes: MerchantChanges): Promise<MerchantRow | null> {
  const [row] = await db.update(merchants).set(changes).where(eq(merchants.id, id)).returning();
  return row ?? null;
}

/** Every merchant, oldest first, with how many of its keys still work in each mode. */
export async function listMerchants(db: Database): Promise<(MerchantRow & { testKeys: number; liveKeys: number })[]> {
  return db
    .select({
      ...getTableColumns(merchants),
      testKeys: sql<number>`(select count(*) from api_keys k where k.merchant_id = merchants.id and not k.livemode and k.revoked_at is null)`.mapWith(Number),
      liveKeys: sql<number>`(select count(*) from api_keys k where k.merchant_id = merchants.id and k.livemode and k.revoked_at is null)`.mapWith(Number),
    })
    .from(merchants)
    .orderBy(merchants.createdAt, merchants.id);
}

/** The oldest merchant of this name (the demo merchant is the first start's). */
export async function findMerchantNamed(db: Database, name: string): Promise<MerchantRow | null> {
  const [row] = await db.select().from(merchants).where(eq(merchants.name, name)).orderBy(merchants.createdAt).limit(1);
  return row ?? null;
}
