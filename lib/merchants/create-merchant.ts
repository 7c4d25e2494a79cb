import type { Database } from "@/db/client";
import type { FeeSchedule } from "@/db/schema";
import { insertMerchant, type MerchantRow } from "@/db/queries/merchants";
import { newId } from "@/lib/ids";
import { createApiKey, type CreatedKey } from "@/lib/merchants/keys";
import { RAILS, type Rail } from "@/lib/rails";

export type CreateMerchantOptions = {
  name: string;
  logoUrl?: string | null;
  brandColor?: string | null;
  rails?: Rail[];
  feeSchedule?: FeeSchedule;
  /** A test key to use instead of a random one (the demo merchant's, derived from the server secret). */
  testKeySecret?: string;
};

export type CreatedMerchant = { merchant: MerchantRow; testKey: CreatedKey; liveKey: CreatedKey };

/** A merchant with one test and one live key; the keys' secrets are only in the return value. */
export async function createMerchant(db: Database, opts: CreateMerchantOptions): Promise<CreatedMerchant> {
  return db.transaction(async (tx) => {
    const merchant = await insertMerchant(tx, {
      id: newId("merchant"),
      name: opts.name,
      logoUrl: opts.logoUrl ?? null,
      brandColor: opts.brandColor ?? null,
      rails: opts.rails ?? RAILS,
      feeSchedule: opts.feeSchedule ?? {},
    });
    const testKey = await createApiKey(tx, merchant.id, false, opts.testKeySecret);
    const liveKey = await createApiKey(tx, merchant.id, true);
    return { merchant, testKey, liveKey };
  });
}
