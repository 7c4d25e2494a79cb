// The state machines of SPEC 2.2 as two tables: each way a session or a payment changes
// status, with the statuses it may leave and the one it enters. Every conditional update
// (`… WHERE id = ? AND status IN (from)`) takes its `from` and `to` from here, so a call site
// cannot widen a move on its own. Where the same status is entered from different places
// on purpose, those are two moves, each with its own name.
import type { Move } from "@/db/queries/move";
import type { PaymentStatus } from "@/db/queries/payment-row";
import type { RefundStatus } from "@/db/queries/refunds";
import type { SessionStatus } from "@/db/queries/sessions";

export type SessionMove = Move<SessionStatus>;
export type PaymentMove = Move<PaymentStatus>;

export const SESSION_MOVES = {
  /**
   * A payment waits for the buyer or the bank. From pending too: paying again while one
   * waits cancels that one (pending → open) and waits on the new one (open → pending) in
   * one update.
   */
  wait: { from: ["open", "pending"], to: "pending" },
  /** The buyer chose another way to pay; the waiting payment is canceled. */
  abandon: { from: ["pending"], to: "open" },
  /** A payment failed and attempts remain: back to open (a waiting one failed), or still open. */
  retry: { from: ["open", "pending"], to: "open" },
  /** A payment failed and was the last attempt allowed (SPEC 6): by way of open, as retry. */
  exhaust: { from: ["open", "pending"], to: "failed" },
  /** A payment succeeded. */
  pay: { from: ["open", "pending"], to: "paid" },
  /** The deadline passed, and no payment is waiting. */
  expire: { from: ["open"], to: "expired" },
  /** The deadline passed, and the waiting payment's own deadline too (a boleto may run for days). */
  expireWaiting: { from: ["open", "pending"], to: "expired" },
  /** The merchant canceled it. */
  cancel: { from: ["open"], to: "canceled" },
} as const satisfies Record<string, SessionMove>;

export const PAYMENT_MOVES = {
  /** The money arrived; from canceled too, since money that arrives anyway is never dropped. */
  succeed: { from: ["pending", "requires_action", "canceled"], to: "succeeded" },
  /** The buyer did what the processor's page asked (a mandate consented): the money is asked for, and awaited. */
  authorize: { from: ["requires_action"], to: "pending" },
  /** The bank, wallet or 3-D Secure said no. */
  fail: { from: ["pending", "requires_action"], to: "failed" },
  /** Nothing was taken yet: the buyer moved on, another payment won, or the session ended. */
  cancel: { from: ["pending", "requires_action"], to: "canceled" },
} as const satisfies Record<string, PaymentMove>;

/** A refund (SPEC 9): it waits on the processor, then the money is back with the buyer, or it is not. */
export const REFUND_MOVES = {
  succeed: { from: ["pending"], to: "succeeded" },
  /** The processor refused it: its amount is given back to the payment in the same transaction. */
  fail: { from: ["pending"], to: "failed" },
} as const satisfies Record<string, Move<RefundStatus>>;

/** How a failed attempt moves its session (db/queries/payments.ts recordFailedAttempt). */
export const FAILED_ATTEMPT = { retry: SESSION_MOVES.retry, exhaust: SESSION_MOVES.exhaust };

/** The statuses in which a session can still be paid (and so takes a payment attempt). */
export const PAYABLE: readonly SessionStatus[] = SESSION_MOVES.pay.from;
