import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { mailMessages } from "@/db/schema";
import type { MailRow } from "./events";

export type { MailRow };

/**
 * Takes up to `limit` due messages for this worker until `lockedUntil` (FOR UPDATE SKIP LOCKED:
 * two workers never take the same one), oldest due first.
 */
export async function claimDueMail(db: Database, p: { at: Date; limit: number; lockedUntil: Date }): Promise<MailRow[]> {
  const due = db
    .select({ id: mailMessages.id })
    .from(mailMessages)
    .where(
      and(
        eq(mailMessages.status, "pending"),
        lte(mailMessages.nextAttemptAt, p.at),
        or(isNull(mailMessages.lockedUntil), lt(mailMessages.lockedUntil, p.at)),
      ),
    )
    .orderBy(asc(mailMessages.nextAttemptAt))
    .limit(p.limit)
    .for("update", { skipLocked: true });
  return db.update(mailMessages).set({ lockedUntil: p.lockedUntil }).where(inArray(mailMessages.id, due)).returning();
}

export type MailOutcome =
  | { status: "sent"; at: Date }
  | { status: "skipped" | "failed"; at: Date; error: string }
  | { status: "pending"; at: Date; error: string; nextAttemptAt: Date };

/**
 * Records one attempt at a claimed message, only while `lease` is still this worker's: false
 * when it ran out and another worker may have taken the message (then this record is dropped).
 */
export async function recordMailAttempt(db: Database, id: string, lease: Date, o: MailOutcome): Promise<boolean> {
  const rows = await db
    .update(mailMessages)
    .set({
      status: o.status,
      attempts: sql`${mailMessages.attempts} + 1`,
      lockedUntil: null,
      sentAt: o.status === "sent" ? o.at : null,
      lastError: o.status === "sent" ? null : o.error,
      ...(o.status === "pending" ? { nextAttemptAt: o.nextAttemptAt } : {}),
    })
    .where(and(eq(mailMessages.id, id), eq(mailMessages.status, "pending"), eq(mailMessages.lockedUntil, lease)))
    .returning({ id: mailMessages.id });
  return rows.length === 1;
}
