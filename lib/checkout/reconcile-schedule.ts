// When reconciliation asks a processor about a waiting payment (SPEC 8): a minute after it
// started, then with backoff, at its deadline, and once more a while after it (money that
// arrives late is still recorded, and flagged for a refund if the session has moved on).
import { env } from "@/lib/env";

const MINUTE = 60_000;
const FIRST_MS = MINUTE;
const MAX_GAP_MS = 60 * MINUTE;
/** After the deadline: the last look, for a transfer that landed just as the account expired. */
const LAST_LOOK_MS = 10 * MINUTE;

const scaled = (ms: number) => ms * env().RECONCILE_TIME_SCALE;

export function firstReconcileAt(startedAt: Date): Date {
  return new Date(startedAt.getTime() + scaled(FIRST_MS));
}

/**
 * The next look after `attempts` looks at `at`, or null when the schedule is over: the gaps
 * double from a minute up to an hour, the deadline is always one of the looks, and the last
 * is LAST_LOOK_MS after it. A payment without a deadline is asked about until it settles.
 */
export function nextReconcileAt(p: { createdAt: Date; expiresAt: Date | null }, attempts: number, at: Date): Date | null {
  const gap = Math.min(scaled(FIRST_MS) * 2 ** Math.min(attempts, 20), scaled(MAX_GAP_MS));
  const next = at.getTime() + gap;
  if (!p.expiresAt) return new Date(next);
  const deadline = p.expiresAt.getTime();
  const last = deadline + scaled(LAST_LOOK_MS);
  if (at.getTime() >= last) return null;
  if (at.getTime() >= deadline) return new Date(last);
  return new Date(Math.min(next, deadline));
}
