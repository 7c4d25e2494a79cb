import { count, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { merchants } from "@/db/schema";

export type MerchantRow = typeof merchants.$inferSelect;

export async function insertMerchant(db: Database, row: typeof merchants.$inferInsert): Promise<MerchantRow> {
  const [inserted] = await db.insert(merchants).values(row).returning();
  return inserted!;
}

export async function findMerchant(db: Database, id: string): Promise<MerchantRow | null> {
  const [row] = await db.select().from(merchants).where(eq(merchants.id, id)).limit(1);
  return row ?? null;
}

export async function countMerchants(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(merchants);
  return row?.n ?? 0;
}
