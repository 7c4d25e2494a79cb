// Refunds (SPEC 9): money back from a succeeded payment. What a payment's refunds hold back is
// kept on the payment (refunded_amount) and only ever moved by one conditional update, so that
// racing refunds can never add up past the payment's amount.
import { and, eq, inArray, isNotNull, lte, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { payments, refunds } from "@/db/schema";
import type { Move } from "./move";
import type { PageParams } from "./pagination";
import { paginate } from "./pagination";
import type { PaymentRow } from "./payment-row";
import type { Scope } from "./scope";

export type RefundRow = typeof refunds.$inferSelect;
export type RefundStatus = RefundRow["status"];

/**
 * Holds `amount` of a succeeded payment back for a refund: one conditional update, so that of
 * racing refunds only those that still fit win. Null when the payment is not succeeded or the
 * amount does not fit (the caller reads the payment to tell which).
 */
export async function reserveRefund(db: Database, r: { paymentId: string; amount: number }): Promise<PaymentRow | null> {
  const [row] = await db
    .update(payments)
    .set({ refundedAmount: sql`${payments.refundedAmount} + ${r.amount}` })
    .where(
      and(
        eq(payments.id, r.paymentId),
        eq(payments.status, "succeeded"),
        sql`${payments.refundedAmount} + ${r.amount} <= ${payments.amount}`,
      ),
    )
    .returning();
  return row ?? null;
}

/** Gives a failed refund's amount back to its payment (never below zero). */
export async function releaseRefund(db: Database, r: { paymentId: string; amount: number }): Promise<PaymentRow | null> {
  const [row] = await db
    .update(payments)
    .set({ refundedAmount: sql`${payments.refundedAmount} - ${r.amount}` })
    .where(and(eq(payments.id, r.paymentId), sql`${payments.refundedAmount} >= ${r.amount}`))
    .returning();
  return row ?? null;
}

export async function insertRefund(db: Database, row: typeof refunds.$inferInsert): Promise<RefundRow> {
  const [inserted] = await db.insert(refunds).values(row).returning();
  return inserted!;
}

/** A refund of this merchant and mode, or null. */
export async function findRefund(db: Database, scope: Scope, id: string): Promise<RefundRow | null> {
  const [row] = await db
    .select()
    .from(refunds)
    .where(and(eq(refunds.id, id), eq(refunds.merchantId, scope.merchantId), eq(refunds.livemode, scope.livemode)))
    .limit(1);
  return row ?? null;
}

export async function findRefundById(db: Database, id: string): Promise<RefundRow | null> {
  const [row] = await db.select().from(refunds).where(eq(refunds.id, id)).limit(1);
  return row ?? null;
}

export type ListRefundsParams = Scope & PageParams & { paymentId?: string };

export async function listRefunds(db: Database, p: ListRefundsParams) {
  return paginate(p, refunds, (id) => findRefund(db, p, id), (page) =>
    db
      .select()
      .from(refunds)
      .where(
        and(
          eq(refunds.merchantId, p.merchantId),
          eq(refunds.livemode, p.livemode),
          p.paymentId ? eq(refunds.paymentId, p.paymentId) : undefined,
          page.where,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(page.limit),
  );
}

export type RefundTransition = Move<RefundStatus> & {
  id: string;
  set?: Partial<Pick<RefundRow, "settledAt" | "failureMessage" | "reconcileAt">>;
};

/** One conditional update: of two racing settlements at most one wins. */
export async function transitionRefund(db: Database, t: RefundTransition): Promise<RefundRow | null> {
  const [row] = await db
    .update(refunds)
    .set({ status: t.to, ...t.set })
    .where(and(eq(refunds.id, t.id), inArray(refunds.status, [...t.from])))
    .returning();
  return row ?? null;
}

/** The processor's id for a refund, once it has answered. */
export async function setRefundProviderRef(db: Database, id: string, providerRef: string): Promise<RefundRow | null> {
  const [row] = await db.update(refunds).set({ providerRef }).where(eq(refunds.id, id)).returning();
  return row ?? null;
}

/** A payment's refunds still waiting on the processor. */
export async function pendingRefundsOfPayment(db: Database, paymentId: string): Promise<RefundRow[]> {
  return db
    .select()
    .from(refunds)
    .where(and(eq(refunds.paymentId, paymentId), eq(refunds.status, "pending")))
    .orderBy(refunds.createdAt);
}

/** The processor's ids the payment's other refunds already hold. */
export async function takenRefundRefs(db: Database, paymentId: string): Promise<string[]> {
  const rows = await db
    .select({ ref: refunds.providerRef })
    .from(refunds)
    .where(and(eq(refunds.paymentId, paymentId), isNotNull(refunds.providerRef)));
  return rows.map((r) => r.ref!);
}

/** Claims up to `limit` refunds due for a look, as claimDueReconciles does for payments. */
export async function claimDueRefundReconciles(db: Database, c: { at: Date; leaseUntil: Date; limit: number }): Promise<RefundRow[]> {
  const due = db
    .select({ id: refunds.id })
    .from(refunds)
    .where(and(isNotNull(refunds.reconcileAt), lte(refunds.reconcileAt, c.at)))
    .orderBy(refunds.reconcileAt)
    .limit(c.limit)
    .for("update", { skipLocked: true });
  return db.update(refunds).set({ reconcileAt: c.leaseUntil }).where(inArray(refunds.id, due)).returning();
}

/** After a look: when the next one is (null: none), and one more look counted. */
export async function scheduleRefundReconcile(db: Database, id: string, next: Date | null): Promise<void> {
  await db
    .update(refunds)
    .set({ reconcileAt: next, reconcileAttempts: sql`${refunds.reconcileAttempts} + 1` })
    .where(eq(refunds.id, id));
}
