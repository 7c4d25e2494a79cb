import type { Database } from "@/db/client";
import { findPayment } from "@/db/queries/payments";
import type { Scope } from "@/db/queries/scope";
import { notFound } from "@/lib/errors";
import { looksLikeId } from "@/lib/ids";
import { sandboxProvider } from "@/lib/providers/sandbox";
import { applyNotification } from "./apply-notification";
import type { Settled } from "./confirm-payment";

export type SimulateOptions = {
  paymentId: string;
  outcome: "succeeded" | "failed";
  failureCode?: string;
  failureMessage?: string;
  at: Date;
};

/**
 * The sandbox's bank or wallet answering: builds the notification the sandbox would send
 * and applies it like any provider's. Test-mode payments only; anything else is not found.
 */
export async function simulateNotification(db: Database, scope: Scope, opts: SimulateOptions): Promise<Settled> {
  if (scope.livemode || !looksLikeId(opts.paymentId, "pay_") || !(await findPayment(db, scope, opts.paymentId))) {
    throw notFound("payment", opts.paymentId);
  }
  const { at, ...body } = opts;
  return applyNotification(db, sandboxProvider.parseNotification(body), at);
}
