import type { Database } from "@/db/client";
import { findExpirableSessionIds, findSessionById, listSessionPayments, lockSession, transitionSession, type SessionRow } from "@/db/queries/sessions";
import { cancelOpenPayments } from "@/db/queries/payments";
import { log } from "@/lib/log";
import { recordEvent } from "@/lib/events/record";
import { sessionToObject } from "./serialize";
import { PAYMENT_MOVES, SESSION_MOVES } from "./transitions";

/**
 * Expires one session if its deadline has passed; returns the expired row, or null when it
 * was not due or another request changed it first. A pending session waits for its pending
 * payment's own deadline (a boleto may run for days).
 */
export async function expireSession(db: Database, id: string, at: Date): Promise<SessionRow | null> {
  return db.transaction(async (tx) => {
    await lockSession(tx, id);
    const payments = await listSessionPayments(tx, id);
    const pending = payments.find((p) => p.status === "pending" || p.status === "requires_action");
    if (pending?.expiresAt && pending.expiresAt > at) return null;
    const row = await transitionSession(tx, {
      id,
      ...(pending ? SESSION_MOVES.expireWaiting : SESSION_MOVES.expire),
      expiredBy: at,
      noOpenPaymentAfter: at,
    });
    if (!row) return null;
    // The waiting payment's instructions die with the session; money that still arrives is
    // recorded by confirmPayment and flagged for a refund.
    const canceled = new Map((await cancelOpenPayments(tx, { sessionId: id, ...PAYMENT_MOVES.cancel })).map((p) => [p.id, p]));
    await recordEvent(tx, {
      merchantId: row.merchantId,
      livemode: row.livemode,
      type: "checkout.session.expired",
      object: sessionToObject(row, payments.map((p) => canceled.get(p.id) ?? p)),
      at,
    });
    return row;
  });
}

/** Applied when a session is read, so nobody ever sees an open session past its deadline. */
export async function expireIfDue(db: Database, row: SessionRow, at: Date): Promise<SessionRow> {
  if ((row.status !== "open" && row.status !== "pending") || row.expiresAt > at) return row;
  return (await expireSession(db, row.id, at)) ?? (await findSessionById(db, row.id)) ?? row;
}

/** One pass of the background sweep: expires what is due, a batch at a time. */
export async function sweepExpiredSessions(db: Database, at: Date, batch = 100): Promise<number> {
  let expired = 0;
  for (;;) {
    const ids = await findExpirableSessionIds(db, at, batch);
    let expiredNow = 0;
    for (const id of ids) {
      try {
        if (await expireSession(db, id, at)) expiredNow++;
      } catch (err) {
        log.error({ err, sessionId: id }, "expiry sweep failed for a session");
      }
    }
    expired += expiredNow;
    // A pending session whose payment still runs stays in the result: stop rather than loop.
    if (ids.length < batch || expiredNow === 0) return expired;
  }
}
