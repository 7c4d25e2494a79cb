import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { checkoutSessions, payments, virtualAccounts } from "@/db/schema";
import type { PaymentRow, PaymentStatus } from "./payment-row";
import type { Scope } from "./scope";
import type { SessionRow } from "./sessions";

/** Statuses in which a payment still waits for the buyer or the bank. */
export const OPEN_PAYMENT_STATUSES = ["pending", "requires_action"] as const satisfies readonly PaymentStatus[];

export async function insertPayment(db: Database, row: typeof payments.$inferInsert): Promise<PaymentRow> {
  const [inserted] = await db.insert(payments).values(row).returning();
  return inserted!;
}

/** A payment of this merchant and mode, or null. */
export async function findPayment(db: Database, scope: Scope, id: string): Promise<PaymentRow | null> {
  const [row] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.id, id), eq(payments.merchantId, scope.merchantId), eq(payments.livemode, scope.livemode)))
    .limit(1);
  return row ?? null;
}

export async function findPaymentById(db: Database, id: string): Promise<PaymentRow | null> {
  const [row] = await db.select().from(payments).where(eq(payments.id, id)).limit(1);
  return row ?? null;
}

export type PaymentTransition = {
  id: string;
  from: readonly PaymentStatus[];
  to: PaymentStatus;
  set?: Partial<Pick<PaymentRow, "paidAt" | "failureCode" | "failureMessage" | "nextAction" | "requiresRefund">>;
};

/** One conditional update, like the session's: of two racing writers at most one wins. */
export async function transitionPayment(db: Database, t: PaymentTransition): Promise<PaymentRow | null> {
  const [row] = await db
    .update(payments)
    .set({ status: t.to, ...t.set })
    .where(and(eq(payments.id, t.id), inArray(payments.status, [...t.from])))
    .returning();
  return row ?? null;
}

export async function flagRequiresRefund(db: Database, id: string): Promise<PaymentRow> {
  const [row] = await db.update(payments).set({ requiresRefund: true }).where(eq(payments.id, id)).returning();
  return row!;
}

/** Cancels a session's waiting payments (but `except`): the buyer moved on, or another payment won. */
export async function cancelOpenPayments(db: Database, sessionId: string, except?: string): Promise<PaymentRow[]> {
  return db
    .update(payments)
    .set({ status: "canceled", nextAction: null })
    .where(
      and(
        eq(payments.sessionId, sessionId),
        inArray(payments.status, [...OPEN_PAYMENT_STATUSES]),
        except ? ne(payments.id, except) : undefined,
      ),
    )
    .returning();
}

/**
 * Takes the session's attempt lease: one conditional update, so that of several concurrent
 * attempts exactly one talks to the provider. Null when the session is not payable or busy.
 */
export async function acquireAttemptLease(db: Database, id: string, at: Date, until: Date): Promise<SessionRow | null> {
  const [row] = await db
    .update(checkoutSessions)
    .set({ attemptLockedUntil: until })
    .where(
      and(
        eq(checkoutSessions.id, id),
        inArray(checkoutSessions.status, ["open", "pending"]),
        sql`(${checkoutSessions.attemptLockedUntil} is null or ${checkoutSessions.attemptLockedUntil} <= ${at.toISOString()})`,
      ),
    )
    .returning();
  return row ?? null;
}

export async function releaseAttemptLease(db: Database, id: string, until: Date): Promise<void> {
  await db
    .update(checkoutSessions)
    .set({ attemptLockedUntil: null })
    .where(and(eq(checkoutSessions.id, id), eq(checkoutSessions.attemptLockedUntil, until)));
}

/**
 * A failed attempt: back to `open`, or to `failed` once `max` attempts have failed. One
 * conditional update; null when the session had already left open/pending.
 */
export async function recordFailedAttempt(db: Database, id: string, max: number): Promise<SessionRow | null> {
  const [row] = await db
    .update(checkoutSessions)
    .set({
      failedAttempts: sql`${checkoutSessions.failedAttempts} + 1`,
      status: sql`case when ${checkoutSessions.failedAttempts} + 1 >= ${max} then 'failed' else 'open' end`,
    })
    .where(and(eq(checkoutSessions.id, id), inArray(checkoutSessions.status, ["open", "pending"])))
    .returning();
  return row ?? null;
}

export type VirtualAccountRow = typeof virtualAccounts.$inferSelect;

export async function findVirtualAccount(db: Database, scope: Scope, email: string): Promise<VirtualAccountRow | null> {
  const [row] = await db
    .select()
    .from(virtualAccounts)
    .where(
      and(
        eq(virtualAccounts.merchantId, scope.merchantId),
        eq(virtualAccounts.livemode, scope.livemode),
        eq(virtualAccounts.customerEmail, email),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Keeps the first account made for an email: a racing second one yields to it. */
export async function saveVirtualAccount(db: Database, row: typeof virtualAccounts.$inferInsert): Promise<VirtualAccountRow> {
  await db.insert(virtualAccounts).values(row).onConflictDoNothing();
  return (await findVirtualAccount(db, row, row.customerEmail))!;
}
