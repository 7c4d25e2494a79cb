import { and, arrayContains, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { providerAccounts, providerEvents } from "@/db/schema";
import type { Currency } from "@/lib/money/currencies";
import type { Rail } from "@/lib/rails";
import { paginate, type PageParams } from "./pagination";
import type { Scope } from "./scope";

export type ProviderAccountRow = typeof providerAccounts.$inferSelect;

const inScope = (scope: Scope) =>
  and(eq(providerAccounts.merchantId, scope.merchantId), eq(providerAccounts.livemode, scope.livemode), isNull(providerAccounts.deletedAt));

export async function insertProviderAccount(db: Database, row: typeof providerAccounts.$inferInsert): Promise<ProviderAccountRow> {
  const [inserted] = await db.insert(providerAccounts).values(row).returning();
  return inserted!;
}

/** An account of this merchant and mode that has not been disconnected, or null. */
export async function findProviderAccount(db: Database, scope: Scope, id: string): Promise<ProviderAccountRow | null> {
  const [row] = await db
    .select()
    .from(providerAccounts)
    .where(and(eq(providerAccounts.id, id), inScope(scope)))
    .limit(1);
  return row ?? null;
}

/** Any account, disconnected ones too: a pending payment is still read back through its account. */
export async function findProviderAccountById(db: Database, id: string): Promise<ProviderAccountRow | null> {
  const [row] = await db.select().from(providerAccounts).where(eq(providerAccounts.id, id)).limit(1);
  return row ?? null;
}

export type ListProviderAccountsParams = Scope & PageParams;

export async function listProviderAccounts(db: Database, p: ListProviderAccountsParams) {
  return paginate(p, providerAccounts, (id) => findProviderAccount(db, p, id), (page) =>
    db
      .select()
      .from(providerAccounts)
      .where(and(inScope(p), page.where))
      .orderBy(...page.orderBy)
      .limit(page.limit),
  );
}

export type ProviderAccountChanges = Partial<
  Pick<ProviderAccountRow, "rails" | "currencies" | "status" | "credentials" | "keyId" | "credentialsHint" | "deletedAt">
> & { updatedAt: Date };

export async function updateProviderAccount(
  db: Database,
  scope: Scope,
  id: string,
  changes: ProviderAccountChanges,
): Promise<ProviderAccountRow | null> {
  const [row] = await db
    .update(providerAccounts)
    .set(changes)
    .where(and(eq(providerAccounts.id, id), inScope(scope)))
    .returning();
  return row ?? null;
}

/** The active accounts of a merchant and mode, newest first: the routing's candidates (SPEC 8). */
export async function activeProviderAccounts(db: Database, scope: Scope, filter: { rail?: Rail; currency?: Currency } = {}) {
  return db
    .select()
    .from(providerAccounts)
    .where(
      and(
        inScope(scope),
        eq(providerAccounts.status, "active"),
        filter.rail ? arrayContains(providerAccounts.rails, [filter.rail]) : undefined,
        filter.currency ? arrayContains(providerAccounts.currencies, [filter.currency]) : undefined,
      ),
    )
    .orderBy(desc(providerAccounts.createdAt), desc(providerAccounts.id));
}

/** Records a processor's event once: false when it was already recorded (a replay). */
export async function recordProviderEvent(
  db: Database,
  e: { accountId: string; eventId: string; paymentId: string | null; receivedAt: Date },
): Promise<boolean> {
  const rows = await db.insert(providerEvents).values(e).onConflictDoNothing().returning({ eventId: providerEvents.eventId });
  return rows.length === 1;
}

export async function providerEventRecorded(db: Database, accountId: string, eventId: string): Promise<boolean> {
  const [row] = await db
    .select({ eventId: providerEvents.eventId })
    .from(providerEvents)
    .where(and(eq(providerEvents.accountId, accountId), eq(providerEvents.eventId, eventId)))
    .limit(1);
  return !!row;
}
