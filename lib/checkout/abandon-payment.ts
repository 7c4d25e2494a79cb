import type { Database } from "@/db/client";
import { cancelOpenPayments } from "@/db/queries/payments";
import { transitionSession, type SessionRow } from "@/db/queries/sessions";
import { PAYMENT_MOVES, SESSION_MOVES } from "./transitions";

/**
 * pending → open: the buyer chose another way to pay, so the waiting payment is canceled.
 * Money that still arrives for it is recorded by confirmPayment. Null if the session was
 * no longer pending (it settled or expired meanwhile).
 */
export async function abandonPayment(db: Database, sessionId: string): Promise<SessionRow | null> {
  return db.transaction(async (tx) => {
    const session = await transitionSession(tx, { id: sessionId, ...SESSION_MOVES.abandon });
    if (session) await cancelOpenPayments(tx, { sessionId, ...PAYMENT_MOVES.cancel });
    return session;
  });
}
