import type { Database } from "@/db/client";
import type { Scope } from "@/db/queries/scope";
import { listSessionPayments, transitionSession } from "@/db/queries/sessions";
import { invalidState } from "@/lib/errors";
import { getSession } from "./get-session";
import { recordEvent } from "@/lib/events/record";
import type { SessionObject } from "./schemas";
import { sessionToObject } from "./serialize";
import { SESSION_MOVES } from "./transitions";

function paymentInProgress() {
  return invalidState("This checkout session cannot be canceled: a payment is being attempted. Try again once it has finished.", "payment_in_progress");
}

/**
 * open → canceled. Any other state (or a lost race) is 409; another tenant's session is 404.
 * A session whose payment attempt holds the lease is not canceled: the provider may be
 * charging the card that very moment, and a canceled checkout must never take money.
 */
export async function cancelSession(db: Database, scope: Scope, id: string, at: Date): Promise<SessionObject> {
  // Reading first applies expiry and answers 404 for ids this merchant cannot see.
  const before = await getSession(db, scope, id, at);
  if (before.status !== "open") {
    throw invalidState(`This checkout session is ${before.status}; only an open session can be canceled.`);
  }
  const canceled = await db.transaction(async (tx) => {
    const row = await transitionSession(tx, { id, ...SESSION_MOVES.cancel, noAttemptAt: at });
    if (!row) return null;
    const object = sessionToObject(row, await listSessionPayments(tx, id));
    await recordEvent(tx, { merchantId: row.merchantId, livemode: row.livemode, type: "checkout.session.canceled", object, at });
    return object;
  });
  if (canceled) return canceled;
  const now = await getSession(db, scope, id, at);
  // Still open: the only thing that stopped the update is an attempt (perhaps just finished).
  if (now.status === "open") throw paymentInProgress();
  throw invalidState(`This checkout session is ${now.status}; only an open session can be canceled.`);
}
