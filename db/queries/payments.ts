import { and, eq, gte, inArray, isNotNull, isNull, lte, ne, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { checkoutSessions, payments, virtualAccounts } from "@/db/schema";
import type { PaymentRow, PaymentStatus } from "./payment-row";
import type { Scope } from "./scope";
import type { Move } from "./move";
import type { SessionRow, SessionStatus } from "./sessions";

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

export type PaymentTransition = Move<PaymentStatus> & {
  id: string;
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

export type CancelPayments = Move<PaymentStatus> & { to: "canceled"; sessionId: string; except?: string };

/** Cancels a session's waiting payments (but `except`): the buyer moved on, or another payment won. */
export async function cancelOpenPayments(db: Database, c: CancelPayments): Promise<PaymentRow[]> {
  return db
    .update(payments)
    .set({ status: c.to, nextAction: null })
    .where(
      and(
        eq(payments.sessionId, c.sessionId),
        inArray(payments.status, [...c.from]),
        c.except ? ne(payments.id, c.except) : undefined,
      ),
    )
    .returning();
}

export type AttemptLease = { id: string; at: Date; until: Date; /** The statuses a session can be paid in. */ payable: readonly SessionStatus[] };

/**
 * Takes the session's attempt lease: one conditional update, so that of several concurrent
 * attempts exactly one talks to the provider. Null when the session is not payable or busy.
 */
export async function acquireAttemptLease(db: Database, l: AttemptLease): Promise<SessionRow | null> {
  const { id, at, until } = l;
  const [row] = await db
    .update(checkoutSessions)
    .set({ attemptLockedUntil: until })
    .where(
      and(
        eq(checkoutSessions.id, id),
        inArray(checkoutSessions.status, [...l.payable]),
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

export type FailedAttempt = {
  id: string;
  /** Failed attempts allowed: the one that reaches it takes `exhaust`, any earlier one `retry`. */
  max: number;
  retry: Move<SessionStatus>;
  exhaust: Move<SessionStatus>;
};

/**
 * A failed attempt counted, and the session moved by `retry` or, once `max` attempts have
 * failed, by `exhaust`. One conditional update; null when the session was in neither move's
 * `from` (it had already ended).
 */
export async function recordFailedAttempt(db: Database, f: FailedAttempt): Promise<SessionRow | null> {
  const failed = sql`${checkoutSessions.failedAttempts} + 1`;
  const [row] = await db
    .update(checkoutSessions)
    .set({
      failedAttempts: failed,
      status: sql`case when ${failed} >= ${f.max} then ${f.exhaust.to} else ${f.retry.to} end`,
    })
    .where(
      and(
        eq(checkoutSessions.id, f.id),
        or(
          and(inArray(checkoutSessions.status, [...f.retry.from]), sql`${failed} < ${f.max}`),
          and(inArray(checkoutSessions.status, [...f.exhaust.from]), sql`${failed} >= ${f.max}`),
        ),
      ),
    )
    .returning();
  return row ?? null;
}

export type VirtualAccountRow = typeof virtualAccounts.$inferSelect;

/** The account `issuer` (`sandbox`, or a provider account's id) keeps for a customer's email. */
export async function findVirtualAccount(db: Database, scope: Scope, email: string, issuer: string): Promise<VirtualAccountRow | null> {
  const [row] = await db
    .select()
    .from(virtualAccounts)
    .where(
      and(
        eq(virtualAccounts.merchantId, scope.merchantId),
        eq(virtualAccounts.livemode, scope.livemode),
        eq(virtualAccounts.customerEmail, email),
        eq(virtualAccounts.issuer, issuer),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Keeps the first account made for an email: a racing second one yields to it. */
export async function saveVirtualAccount(db: Database, row: typeof virtualAccounts.$inferInsert): Promise<VirtualAccountRow> {
  await db.insert(virtualAccounts).values(row).onConflictDoNothing();
  return (await findVirtualAccount(db, row, row.customerEmail, row.issuer ?? "sandbox"))!;
}

// ---- Reconciliation (SPEC 8): asking processors about the payments they still hold ----

/**
 * Claims up to `limit` payments due for a look: their reconcile_at moves to `leaseUntil` in
 * the same statement, so that of several instances exactly one asks about each (SKIP LOCKED),
 * and a process that dies mid-look leaves the payment to be asked again when the lease ends.
 */
export async function claimDueReconciles(db: Database, c: { at: Date; leaseUntil: Date; limit: number }): Promise<PaymentRow[]> {
  const due = db
    .select({ id: payments.id })
    .from(payments)
    .where(and(isNotNull(payments.reconcileAt), lte(payments.reconcileAt, c.at)))
    .orderBy(payments.reconcileAt)
    .limit(c.limit)
    .for("update", { skipLocked: true });
  return db.update(payments).set({ reconcileAt: c.leaseUntil }).where(inArray(payments.id, due)).returning();
}

/** After a look: when the next one is (null: none), and one more look counted. */
export async function scheduleReconcile(db: Database, id: string, next: Date | null): Promise<void> {
  await db
    .update(payments)
    .set({ reconcileAt: next, reconcileAttempts: sql`${payments.reconcileAttempts} + 1` })
    .where(eq(payments.id, id));
}

/** The payment an account's processor knows by `providerRef`, or null. */
export async function findPaymentByProviderRef(db: Database, accountId: string, providerRef: string): Promise<PaymentRow | null> {
  const [row] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.providerAccountId, accountId), eq(payments.providerRef, providerRef)))
    .limit(1);
  return row ?? null;
}

/**
 * Claims the processor's reference for a payment into a dedicated account: false when another
 * payment claimed it first (the unique index on the account and reference decides).
 */
export async function claimProviderRef(db: Database, id: string, providerRef: string): Promise<boolean> {
  try {
    const rows = await db
      .update(payments)
      .set({ providerRef })
      .where(and(eq(payments.id, id), isNull(payments.providerRef)))
      .returning({ id: payments.id });
    return rows.length === 1;
  } catch (err) {
    // A unique violation, as the driver reports it (or drizzle, wrapping the driver's error).
    const e = err as { code?: string; cause?: { code?: string } };
    if (e.code === "23505" || e.cause?.code === "23505") return false;
    throw err;
  }
}

/** The references of the account's dedicated-account payments already matched to money, since `since`. */
export async function takenProviderRefs(db: Database, accountId: string, since: Date): Promise<string[]> {
  const rows = await db
    .select({ ref: payments.providerRef })
    .from(payments)
    .where(and(eq(payments.providerAccountId, accountId), eq(payments.rail, "virtual_account"), isNotNull(payments.providerRef), gte(payments.createdAt, since)));
  return rows.map((r) => r.ref!);
}

/** The account's dedicated-account payments for `email` still waiting on money (or given up on: money may come anyway), oldest first. */
export async function dedicatedAccountPayments(db: Database, accountId: string, email: string): Promise<PaymentRow[]> {
  return db
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.providerAccountId, accountId),
        eq(payments.rail, "virtual_account"),
        isNull(payments.providerRef),
        inArray(payments.status, ["pending", "canceled"]),
        sql`${payments.providerData}->>'customerEmail' = ${email}`,
      ),
    )
    .orderBy(payments.createdAt)
    .limit(20);
}
