import { and, eq, ilike, inArray, lte, sql } from "drizzle-orm";
import { rowsOf, type Database } from "@/db/client";
import { prepared } from "@/db/prepared";
import { param, statement } from "@/db/statement";
import { checkoutSessions, payments } from "@/db/schema";
import { eventValues, eventWrites, type NewEvent } from "./events";
import { claimDone, claimValues, type DoneKey } from "./idempotency";
import { paginate, type PageParams } from "./pagination";
import type { Move } from "./move";
import type { PaymentRow } from "./payment-row";
import type { Scope } from "./scope";

export type SessionRow = typeof checkoutSessions.$inferSelect;
export type SessionStatus = SessionRow["status"];

const jsonOrNull = (value: unknown) => (value == null ? null : JSON.stringify(value));

/**
 * Writes a new session with its created event and that event's deliveries, in one statement:
 * all or nothing without a transaction. With `claim`, only when that idempotency key is still
 * free, and the response is stored with them; false when the key was taken (nothing written).
 */
export async function insertSession(db: Database, row: SessionRow, event: NewEvent, claim?: DoneKey): Promise<boolean> {
  const values = {
    ...sessionValues(row),
    ...eventValues(event),
    ...(claim ? claimValues(claim) : {}),
  };
  const result = await (claim ? insertClaimedSession : insertUnclaimedSession)(db, values);
  return rowsOf<{ written: boolean }>(result)[0]!.written;
}

function sessionValues(row: SessionRow) {
  return {
    ...row,
    lineItems: jsonOrNull(row.lineItems),
    customer: jsonOrNull(row.customer),
    metadata: JSON.stringify(row.metadata),
    installments: jsonOrNull(row.installments),
    attemptLockedUntil: row.attemptLockedUntil?.toISOString() ?? null,
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    paidAt: row.paidAt?.toISOString() ?? null,
  };
}

const insertSessionSql = (claimed: boolean) => {
  const when = claimed ? sql`exists (select from claim)` : undefined;
  return sql`with ${claimed ? sql`${claimDone()}, ` : sql``}session as (
    insert into checkout_sessions (id, merchant_id, livemode, status, amount, currency, line_items, description, customer,
      customer_email, payment_methods, preferred_payment_method, ui_mode, success_url, cancel_url, allowed_origins, metadata,
      client_reference_id, locale, installments, failed_attempts, attempt_locked_until, expires_at, created_at, paid_at)
    select ${param("id")}::text, ${param("merchantId")}::text, ${param("livemode")}::boolean, ${param("status")}::text,
      ${param("amount")}::bigint, ${param("currency")}::text, ${param("lineItems")}::jsonb, ${param("description")}::text,
      ${param("customer")}::jsonb, ${param("customerEmail")}::text, ${param("paymentMethods")}::text[],
      ${param("preferredPaymentMethod")}::text, ${param("uiMode")}::text, ${param("successUrl")}::text, ${param("cancelUrl")}::text,
      ${param("allowedOrigins")}::text[], ${param("metadata")}::jsonb, ${param("clientReferenceId")}::text, ${param("locale")}::text,
      ${param("installments")}::jsonb, ${param("failedAttempts")}::integer, ${param("attemptLockedUntil")}::timestamptz,
      ${param("expiresAt")}::timestamptz, ${param("createdAt")}::timestamptz, ${param("paidAt")}::timestamptz
    ${when ? sql`where ${when}` : sql``}
  ), ${eventWrites(when)}
  select ${when ?? sql`true`} as written`;
};
const insertClaimedSession = statement(() => insertSessionSql(true));
const insertUnclaimedSession = statement(() => insertSessionSql(false));

const sessionInScope = prepared("session_in_scope", (db) =>
  db
    .select()
    .from(checkoutSessions)
    .where(
      and(
        eq(checkoutSessions.id, sql.placeholder("id")),
        eq(checkoutSessions.merchantId, sql.placeholder("merchantId")),
        eq(checkoutSessions.livemode, sql.placeholder("livemode")),
      ),
    )
    .limit(1),
);

const sessionWithPaymentsInScope = prepared("session_with_payments_in_scope", (db) =>
  db
    .select({ session: checkoutSessions, payment: payments })
    .from(checkoutSessions)
    .leftJoin(payments, eq(payments.sessionId, checkoutSessions.id))
    .where(
      and(
        eq(checkoutSessions.id, sql.placeholder("id")),
        eq(checkoutSessions.merchantId, sql.placeholder("merchantId")),
        eq(checkoutSessions.livemode, sql.placeholder("livemode")),
      ),
    )
    .orderBy(payments.createdAt),
);

/**
 * A session of this merchant and mode with its payments, oldest first, read in one statement:
 * one snapshot, so a payment that failed a moment ago is never shown beside its session still
 * pending (two queries could each see a different side of that transaction).
 */
export async function findSessionWithPayments(db: Database, scope: Scope, id: string): Promise<{ session: SessionRow; payments: PaymentRow[] } | null> {
  const rows = await sessionWithPaymentsInScope(db, { id, merchantId: scope.merchantId, livemode: scope.livemode });
  if (rows.length === 0) return null;
  return { session: rows[0]!.session, payments: rows.flatMap((r) => (r.payment ? [r.payment] : [])) };
}

/** A session of this merchant and mode, or null: another tenant's session is simply absent. */
export async function findSession(db: Database, scope: Scope, id: string): Promise<SessionRow | null> {
  const [row] = await sessionInScope(db, { id, merchantId: scope.merchantId, livemode: scope.livemode });
  return row ?? null;
}

const sessionById = prepared("session_by_id", (db) =>
  db.select().from(checkoutSessions).where(eq(checkoutSessions.id, sql.placeholder("id"))).limit(1),
);

/** For the buyer, whose only credential is the id itself. */
export async function findSessionById(db: Database, id: string): Promise<SessionRow | null> {
  const [row] = await sessionById(db, { id });
  return row ?? null;
}

export type ListSessionsParams = Scope &
  PageParams & {
    status?: SessionStatus;
    clientReferenceId?: string;
    customerEmail?: string;
    /** customerDetails: the email exactly (any case), the phone in E.164, any part of the name (any case). */
    buyer?: { email?: string; phone?: string; name?: string };
  };

/** `text` as a literal part of an ILIKE pattern: its wildcards and the escape character escaped. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listSessions(db: Database, p: ListSessionsParams) {
  return paginate(p, checkoutSessions, (id) => findSession(db, p, id), (page) =>
    db
      .select()
      .from(checkoutSessions)
      .where(
        and(
          eq(checkoutSessions.merchantId, p.merchantId),
          eq(checkoutSessions.livemode, p.livemode),
          p.status ? eq(checkoutSessions.status, p.status) : undefined,
          p.clientReferenceId ? eq(checkoutSessions.clientReferenceId, p.clientReferenceId) : undefined,
          p.customerEmail ? eq(checkoutSessions.customerEmail, p.customerEmail.toLowerCase()) : undefined,
          p.buyer?.email ? eq(checkoutSessions.buyerEmail, p.buyer.email.toLowerCase()) : undefined,
          p.buyer?.phone ? eq(checkoutSessions.buyerPhone, p.buyer.phone) : undefined,
          p.buyer?.name ? ilike(checkoutSessions.buyerName, `%${likeLiteral(p.buyer.name)}%`) : undefined,
          page.where,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(page.limit),
  );
}

export type Transition = Move<SessionStatus> & {
  id: string;
  set?: Partial<Pick<SessionRow, "paidAt" | "failedAttempts" | "buyerEmail" | "buyerName" | "buyerPhone" | "buyerLocale">>;
  /** Only when the session's deadline has passed (for expiry). */
  expiredBy?: Date;
  /** Only when no waiting payment of the session runs past this time (for expiry). */
  noOpenPaymentAfter?: Date;
  /** Only when no payment attempt holds the session's lease at this time (for cancel). */
  noAttemptAt?: Date;
};

/**
 * The state machine's only write: one conditional update, so of two racing requests at most
 * one finds the row still in a `from` state. Null when it did not (the caller decides why).
 */
export async function transitionSession(db: Database, t: Transition): Promise<SessionRow | null> {
  const [row] = await db
    .update(checkoutSessions)
    .set({ status: t.to, ...t.set })
    .where(
      and(
        eq(checkoutSessions.id, t.id),
        inArray(checkoutSessions.status, [...t.from]),
        t.expiredBy ? lte(checkoutSessions.expiresAt, t.expiredBy) : undefined,
        t.noOpenPaymentAfter
          ? sql`not exists (select 1 from ${payments} where ${payments.sessionId} = ${checkoutSessions.id}
              and ${payments.status} in ('pending', 'requires_action')
              and ${payments.expiresAt} > ${t.noOpenPaymentAfter.toISOString()})`
          : undefined,
        t.noAttemptAt
          ? sql`(${checkoutSessions.attemptLockedUntil} is null or ${checkoutSessions.attemptLockedUntil} <= ${t.noAttemptAt.toISOString()})`
          : undefined,
      ),
    )
    .returning();
  return row ?? null;
}

/** Sessions past their deadline that are still open, oldest deadline first. */
export async function findExpirableSessionIds(db: Database, at: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: checkoutSessions.id })
    .from(checkoutSessions)
    .where(and(sql`${checkoutSessions.status} in ('open', 'pending')`, lte(checkoutSessions.expiresAt, at)))
    .orderBy(checkoutSessions.expiresAt)
    .limit(limit);
  return rows.map((r) => r.id);
}

const paymentsOfSession = prepared("payments_of_session", (db) =>
  db.select().from(payments).where(eq(payments.sessionId, sql.placeholder("sessionId"))).orderBy(payments.createdAt),
);

export async function listSessionPayments(db: Database, sessionId: string): Promise<PaymentRow[]> {
  return paymentsOfSession(db, { sessionId });
}

/** The payments of several sessions in one query (a list page), grouped by session id. */
export async function listPaymentsOfSessions(db: Database, sessionIds: string[]): Promise<Map<string, PaymentRow[]>> {
  const bySession = new Map<string, PaymentRow[]>();
  if (sessionIds.length === 0) return bySession;
  const rows = await db.select().from(payments).where(inArray(payments.sessionId, sessionIds)).orderBy(payments.createdAt);
  for (const row of rows) bySession.set(row.sessionId, [...(bySession.get(row.sessionId) ?? []), row]);
  return bySession;
}

/**
 * Locks a session's row for the rest of the transaction. Every transaction that changes a
 * session and its payments takes the session first, then the payments, so that two of
 * them (a confirmation and an expiry, say) queue instead of deadlocking.
 */
export async function lockSession(db: Database, id: string): Promise<void> {
  await db.select({ id: checkoutSessions.id }).from(checkoutSessions).where(eq(checkoutSessions.id, id)).for("update");
}
