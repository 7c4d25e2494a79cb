// Asking a payment's processor where it stands, and applying the answer (SPEC 8): the one way
// the return from a processor's card page, a verified notification and reconciliation settle
// a payment. Never a webhook's body, never a query string: only the processor's API.
import type { Database } from "@/db/client";
import type { PaymentRow } from "@/db/queries/payment-row";
import { claimProviderRef, takenProviderRefs } from "@/db/queries/payments";
import { findProviderAccountById } from "@/db/queries/provider-accounts";
import { formatMoney, isCurrency } from "@/lib/money/currencies";
import { log } from "@/lib/log";
import { accountContext, providerNamed } from "@/lib/providers";
import type { ReadBack } from "@/lib/providers/types";
import { awaitPayment } from "./await-payment";
import { applyNotification } from "./apply-notification";
import type { Settled } from "./confirm-payment";
import { failPayment } from "./fail-payment";
import { paymentRef } from "./payment-ref";

export { paymentRef };
import { PAYMENT_MOVES } from "./transitions";

export type ReadBackResult = { back: ReadBack; settled: Settled | null };

/** Still waiting on the processor: the statuses a failure may move a payment from. */
const WAITING: readonly string[] = PAYMENT_MOVES.fail.from;
const DAY = 24 * 60 * 60_000;

function money(amount: number, currency: string): string {
  return isCurrency(currency) ? `${formatMoney(amount, currency, "en")} (${currency} ${amount} minor units)` : `${currency} ${amount} minor units`;
}

/**
 * Reads the payment back from its processor (no transaction is open meanwhile), then applies
 * the answer in one transaction. The processor's own refusal to answer (ProviderUnreachable)
 * is thrown: the caller tries again later.
 */
export async function readBackPayment(db: Database, payment: PaymentRow, at: Date, opts: { providerRef?: string } = {}): Promise<ReadBackResult> {
  const provider = providerNamed(payment.provider);
  const account = payment.providerAccountId ? await findProviderAccountById(db, payment.providerAccountId) : null;
  if (!provider || !account) return { back: { state: "pending" }, settled: null };
  const context = accountContext(account);
  const takenRefs = payment.rail === "virtual_account" && !payment.providerRef ? await takenProviderRefs(db, account.id, new Date(payment.createdAt.getTime() - DAY)) : [];
  const ref = paymentRef(payment, { providerRef: opts.providerRef ?? payment.providerRef, takenRefs });
  if (payment.status === "requires_action" && provider.continuePayment) {
    // The buyer finished on the processor's page (a mandate consented): carry the payment on.
    const continued = await provider.continuePayment(ref, context);
    if (continued?.status === "requires_action") return { back: { state: "pending" }, settled: null };
    if (continued?.status === "failed") {
      const settled = await applyNotification(db, { paymentId: payment.id, outcome: "failed", failureCode: continued.failureCode, failureMessage: continued.failureMessage }, at);
      return { back: { state: "failed", failureCode: continued.failureCode, failureMessage: continued.failureMessage }, settled };
    }
    if (continued) await awaitPayment(db, { paymentId: payment.id, nextAction: continued.nextAction, at });
  }
  const back = await provider.readBack(ref, context);
  if (back.state === "succeeded" && payment.rail === "virtual_account" && !payment.providerRef) {
    // Money into a dedicated account is one payment's only: the first to claim its reference.
    if (!(await claimProviderRef(db, payment.id, back.providerRef))) return { back: { state: "pending" }, settled: null };
  }
  return { back, settled: await applyReadBack(db, payment, back, at) };
}


/** What the processor said, applied through the one notification path; null when nothing changes. */
export async function applyReadBack(db: Database, payment: PaymentRow, back: ReadBack, at: Date): Promise<Settled | null> {
  if (back.state === "pending") return null;
  if (back.state === "failed") {
    // A payment the buyer already left (canceled) stays as it is: nothing was taken.
    if (!WAITING.includes(payment.status)) return null;
    return applyNotification(db, { paymentId: payment.id, outcome: "failed", failureCode: back.failureCode, failureMessage: back.failureMessage }, at);
  }
  if (back.amount !== payment.amount || back.currency !== payment.currency) {
    // Money came, but not this payment's: never a success. Recorded on the payment, owed back.
    log.warn({ paymentId: payment.id, expected: payment.amount, got: back.amount, currency: back.currency }, "the provider reported a different amount");
    if (!WAITING.includes(payment.status)) return null;
    return failPayment(db, {
      paymentId: payment.id,
      failureCode: "amount_mismatch",
      failureMessage: `The provider received ${money(back.amount, back.currency)}, but this payment is for ${money(payment.amount, payment.currency)}. It was not marked paid; refund the money received.`.slice(0, 500),
      requiresRefund: true,
      at,
    });
  }
  if (payment.status === "succeeded") return null;
  return applyNotification(db, { paymentId: payment.id, outcome: "succeeded" }, at);
}
