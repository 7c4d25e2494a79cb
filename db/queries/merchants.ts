import { count, eq, sql } from "drizzle-orm";
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

export async function countMerchants(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(merchants);
  return row?.n ?? 0;
}
