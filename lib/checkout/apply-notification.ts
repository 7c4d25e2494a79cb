import type { Database } from "@/db/client";
import type { Notification } from "@/lib/providers/types";
import { confirmPayment, type Settled } from "./confirm-payment";
import { failPayment } from "./fail-payment";

/** A provider's word on a payment, applied: the one path for notifications, 3-D Secure and the sandbox. */
export async function applyNotification(db: Database, n: Notification, at: Date): Promise<Settled> {
  return n.outcome === "succeeded"
    ? confirmPayment(db, { paymentId: n.paymentId, at })
    : failPayment(db, { paymentId: n.paymentId, failureCode: n.failureCode, failureMessage: n.failureMessage, at });
}
