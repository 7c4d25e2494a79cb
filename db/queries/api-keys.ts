import { and, desc, eq, isNull, like, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { apiKeys, merchants } from "@/db/schema";

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export async function findActiveKeyByHash(db: Database, hash: string) {
  const [row] = await db
    .select({ key: apiKeys, merchant: merchants })
    .from(apiKeys)
    .innerJoin(merchants, eq(merchants.id, apiKeys.merchantId))
    .where(and(eq(apiKeys.hash, hash), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row ?? null;
}

export async function insertApiKey(db: Database, row: typeof apiKeys.$inferInsert): Promise<ApiKeyRow> {
  const [inserted] = await db.insert(apiKeys).values(row).returning();
  return inserted!;
}

/** A merchant's keys, newest first, revoked ones included (never their secrets: only hashes are kept). */
export async function listMerchantKeys(db: Database, merchantId: string): Promise<ApiKeyRow[]> {
  return db.select().from(apiKeys).where(eq(apiKeys.merchantId, merchantId)).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

/** The key whose secret hashes to `hash`, revoked or not. */
export async function findKeyByHash(db: Database, hash: string): Promise<ApiKeyRow | null> {
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.hash, hash)).limit(1);
  return row ?? null;
}

/** Keys whose id equals `idOrPrefix` or whose display prefix starts with it. */
export async function findKeysByIdOrPrefix(db: Database, idOrPrefix: string): Promise<ApiKeyRow[]> {
  const escaped = idOrPrefix.replace(/[\\%_]/g, (c) => `\\${c}`);
  return db
    .select()
    .from(apiKeys)
    .where(or(eq(apiKeys.id, idOrPrefix), like(apiKeys.prefix, `${escaped}%`)));
}

export async function revokeApiKey(db: Database, id: string, at: Date): Promise<ApiKeyRow | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: at })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning();
    if (row) await notifyKeysChanged(tx as unknown as Database);
    return row ?? null;
  });
}

export const KEYS_CHANGED_CHANNEL = "kassa_api_keys";

/** Tells every server on this database to forget the keys it remembers (delivered at commit). */
export async function notifyKeysChanged(db: Database): Promise<void> {
  await db.execute(sql`select pg_notify(${KEYS_CHANGED_CHANNEL}, '')`);
}
