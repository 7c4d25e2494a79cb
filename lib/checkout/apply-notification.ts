import type { Database } from "@/db/client";
import { log } from "@/lib/log";
import type { Notification } from "@/lib/providers/types";
import { confirmPayment, type Settled } from "./confirm-payment";
import { carryOutRefund } from "./create-refund";
import { failPayment } from "./fail-payment";

/** A provider's word on a payment, applied: the one path for notifications, 3-D Secure and the sandbox. */
export async function applyNotification(db: Database, n: Notification, at: Date): Promise<Settled> {
  if (n.outcome === "failed") return failPayment(db, { paymentId: n.paymentId, failureCode: n.failureCode, failureMessage: n.failureMessage, at });
  const settled = await confirmPayment(db, { paymentId: n.paymentId, at });
  if (settled.refund) {
    // A duplicate's refund, recorded with it: carried out now that no transaction is open. It
    // is recorded either way, so a fault here leaves it pending, never lost.
    try {
      await carryOutRefund(db, settled.payment, settled.refund, at);
    } catch (err) {
      log.error({ err: err instanceof Error ? err.name : "error", refundId: settled.refund.id }, "a duplicate payment's refund could not be carried out");
    }
  }
  return settled;
}
