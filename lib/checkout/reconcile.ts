// Reconciliation (SPEC 8): a job in every process asks the processors about the payments they
// still hold, on the schedule of ./reconcile-schedule.ts, so that a lost or never-configured
// webhook never leaves a paid payment pending. Each look claims its payments first, so that
// several instances never ask twice about one.
import type { Database } from "@/db/client";
import { claimDueReconciles, findPaymentById, scheduleReconcile } from "@/db/queries/payments";
import { log } from "@/lib/log";
import { ProviderUnreachable } from "@/lib/providers/types";
import { readBackPayment } from "./read-back-payment";
import { nextReconcileAt } from "./reconcile-schedule";

/** A look in progress holds its payment this long; one cut short is asked about again after it. */
const CLAIM_MS = 2 * 60_000;
/** Processor calls one process makes at once. */
const CONCURRENCY = 8;

const SETTLED = new Set(["succeeded", "failed"]);

/** One pass: asks about every payment due, `batch` at a time; returns how many were settled. */
export async function reconcileDue(db: Database, at: Date, batch = 50): Promise<number> {
  const claimed = await claimDueReconciles(db, { at, leaseUntil: new Date(at.getTime() + CLAIM_MS), limit: batch });
  let settled = 0;
  const queue = [...claimed];
  const work = async () => {
    for (let p = queue.shift(); p; p = queue.shift()) {
      try {
        const { settled: s } = await readBackPayment(db, p, at);
        if (s?.changed) settled++;
      } catch (err) {
        if (!(err instanceof ProviderUnreachable)) log.error({ err: err instanceof Error ? err.name : "error", paymentId: p.id }, "reconciliation failed for a payment");
      }
      const now = await findPaymentById(db, p.id);
      // Settled: nothing more to ask. Otherwise the next look, or none once the schedule ends.
      await scheduleReconcile(db, p.id, now && SETTLED.has(now.status) ? null : nextReconcileAt(p, p.reconcileAttempts, at));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, work));
  return settled;
}
