// The one way to pay a session: the page's pay form (app/checkout/[id]/pay) and
// POST /api/v1/checkout/{id}/pay both call paySession.
import type { Database } from "@/db/client";
import { findMerchant, type MerchantRow } from "@/db/queries/merchants";
import {
  acquireAttemptLease,
  cancelOpenPayments,
  findVirtualAccount,
  flagRequiresRefund,
  insertPayment,
  recordFailedAttempt,
  releaseAttemptLease,
  saveVirtualAccount,
  transitionPayment,
} from "@/db/queries/payments";
import type { PaymentRow } from "@/db/queries/payment-row";
import { findSessionById, listSessionPayments, lockSession, transitionSession, type SessionRow } from "@/db/queries/sessions";
import { ApiError, invalidState, notFound } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { log } from "@/lib/log";
import { providerFor } from "@/lib/providers";
import type { PaymentProvider, StartPaymentResult } from "@/lib/providers/types";
import type { Rail, RailRequest } from "@/lib/rails";
import { cardFingerprint } from "@/lib/rails/card/card-fingerprint";
import { serverSecret } from "@/lib/security/secret";
import { computeFee, feeRuleFor } from "./fees";
import { expireIfDue } from "./expire-session";
import { getSessionForBuyer } from "./get-session";
import { toRailRequest, type PayInput } from "./pay-input";
import { recordEvent } from "@/lib/events/record";
import type { EventType } from "@/lib/events/types";
import { checkoutUrl, paymentToObject, sessionToObject } from "./serialize";
import { FAILED_ATTEMPT, PAYABLE, PAYMENT_MOVES, SESSION_MOVES } from "./transitions";

/** After this many failed attempts the session is `failed` (SPEC 6). */
export const MAX_FAILED_ATTEMPTS = 5;
// Longer than any provider call; a crashed attempt frees the session after it.
const ATTEMPT_LEASE_MS = 30_000;

export type PaySessionOptions = {
  sessionId: string;
  input: PayInput;
  at: Date;
  /** The session as the caller has just read it (the buyer API does), so as not to read it again. */
  loaded?: SessionRow;
};

/** The session and the payment as the attempt left them. */
export type PayResult = { session: SessionRow; payment: PaymentRow };

export function liveModeUnavailable(): ApiError {
  return new ApiError(
    "provider_error",
    "live_mode_unavailable",
    "This checkout is in live mode, but no payment provider is set up on this Kassa install, so it cannot take money. No payment was attempted.",
  );
}

export function notPayable(status: string): ApiError {
  return invalidState(`This checkout session is ${status}; it can no longer be paid.`, "session_not_payable");
}

export async function paySession(db: Database, opts: PaySessionOptions): Promise<PayResult> {
  const { sessionId, input, at } = opts;
  const session = opts.loaded ? await expireIfDue(db, opts.loaded, at) : await getSessionForBuyer(db, sessionId, at);
  if (!session) throw notFound("checkout session", sessionId);
  if (input._hp_field) {
    // A filled honeypot is a bot: refuse without a hint of why.
    throw new ApiError("validation_error", "payment_refused", "The payment was refused.");
  }
  if (!PAYABLE.includes(session.status)) throw notPayable(session.status);
  const provider = providerFor(session.livemode);
  if (!provider) throw liveModeUnavailable();

  let request = toRailRequest(
    {
      amount: session.amount,
      currency: session.currency,
      paymentMethods: session.paymentMethods,
      installments: session.installments ?? null,
      customerEmail: session.customerEmail,
      customerName: session.customer?.name ?? null,
      customerDocument: session.customer?.document?.number ?? null,
    },
    input,
    at,
  );
  const merchant = (await findMerchant(db, session.merchantId))!;
  const scope = { merchantId: session.merchantId, livemode: session.livemode };
  if (request.rail === "virtual_account") {
    const saved = await findVirtualAccount(db, scope, request.email);
    request = { ...request, account: saved && { bankId: saved.bankId, bankName: saved.bankName, accountNumber: saved.accountNumber, accountName: saved.accountName } };
  }

  const leaseUntil = new Date(at.getTime() + ATTEMPT_LEASE_MS);
  const leased = await acquireAttemptLease(db, { id: sessionId, at, until: leaseUntil, payable: PAYABLE });
  if (!leased) {
    const now = await findSessionById(db, sessionId);
    if (now && !PAYABLE.includes(now.status)) throw notPayable(now.status);
    throw invalidState("Another payment attempt for this checkout is in progress. Wait for it to finish.", "payment_in_progress");
  }
  try {
    return await attempt(db, { session: leased, merchant, provider, request, at });
  } finally {
    await releaseAttemptLease(db, sessionId, leaseUntil);
  }
}

type AttemptOptions = {
  session: SessionRow;
  merchant: MerchantRow;
  provider: PaymentProvider;
  request: RailRequest;
  at: Date;
};

async function attempt(db: Database, o: AttemptOptions): Promise<PayResult> {
  const { session, merchant, request, at } = o;
  const paymentId = newId("payment");
  const rail: Rail = request.rail;
  let outcome: StartPaymentResult;
  try {
    outcome = await o.provider.startPayment({
      paymentId,
      sessionId: session.id,
      livemode: session.livemode,
      merchant: { id: merchant.id, name: merchant.name },
      amount: session.amount,
      currency: session.currency,
      at,
      challengeUrl: `${checkoutUrl(session.id)}/3ds`,
      request,
    });
  } catch (err) {
    // The message may quote what the processor saw; log the rail only, never the request.
    log.error({ err: err instanceof Error ? err.name : "error", rail, sessionId: session.id }, "provider failed to start a payment");
    throw new ApiError("provider_error", "provider_unavailable", "The payment provider did not answer. No payment was taken; try again.");
  }

  if (request.rail === "virtual_account" && !request.account) {
    // Keep the account for this email; if another session saved one first, use that one.
    const d = outcome.details as { bankName: string; accountNumber: string; accountName: string };
    const saved = await saveVirtualAccount(db, {
      merchantId: session.merchantId,
      livemode: session.livemode,
      customerEmail: request.email,
      bankId: String(outcome.providerData?.bankId ?? ""),
      bankName: d.bankName,
      accountNumber: d.accountNumber,
      accountName: d.accountName,
      createdAt: at,
    });
    outcome = {
      ...outcome,
      details: { ...outcome.details, bankName: saved.bankName, accountNumber: saved.accountNumber, accountName: saved.accountName },
      nextAction: outcome.nextAction?.type === "bank_transfer"
        ? { ...outcome.nextAction, bankName: saved.bankName, accountNumber: saved.accountNumber, accountName: saved.accountName }
        : outcome.nextAction,
    };
  }

  const fee = computeFee(feeRuleFor(merchant.feeSchedule, rail), session.amount);
  const providerData: Record<string, unknown> = { provider: o.provider.name, ...outcome.providerData };
  if (request.rail === "card") providerData.fingerprint = cardFingerprint(request.card.number, serverSecret());

  return db.transaction(async (tx) => {
    // Statements asked for together run one after another in the order asked, on the
    // transaction's one connection: those whose answers the next does not need go out in one
    // round trip, which shortens the time the transaction holds the session (and, on the
    // embedded database, the whole database).
    const [, , inserted, after] = await Promise.all([
      lockSession(tx, session.id),
      // Paying again while a payment waits means the buyer chose another way: cancel that one.
      cancelOpenPayments(tx, { sessionId: session.id, ...PAYMENT_MOVES.cancel }),
      insertPayment(tx, {
        id: paymentId,
        sessionId: session.id,
        merchantId: session.merchantId,
        livemode: session.livemode,
        rail,
        status: outcome.status,
        amount: session.amount,
        currency: session.currency,
        fee,
        netAmount: session.amount - fee,
        installments: request.rail === "card" ? request.installments : null,
        failureCode: outcome.failureCode ?? null,
        failureMessage: outcome.failureMessage ?? null,
        nextAction: outcome.nextAction,
        details: outcome.details,
        providerData,
        expiresAt: outcome.expiresAt,
        createdAt: at,
        paidAt: outcome.status === "succeeded" ? at : null,
      }),
      outcome.status === "succeeded"
        ? transitionSession(tx, { id: session.id, ...SESSION_MOVES.pay, set: { paidAt: at } })
        : outcome.status === "failed"
          ? recordFailedAttempt(tx, { id: session.id, max: MAX_FAILED_ATTEMPTS, ...FAILED_ATTEMPT })
          : transitionSession(tx, { id: session.id, ...SESSION_MOVES.wait }),
    ]);
    let payment = inserted;
    // What the attempt tells the merchant: the payment's event, and the session's when it moved.
    let told: { payment: EventType; session: EventType | null } | null;
    if (outcome.status === "succeeded") {
      // The card was charged but the session left (canceled, expired) meanwhile: keep the money on record.
      if (!after) payment = await flagRequiresRefund(tx, payment.id);
      told = { payment: "payment.succeeded", session: after && "checkout.session.paid" };
    } else if (outcome.status === "failed") {
      told = { payment: "payment.failed", session: after?.status === "failed" ? "checkout.session.failed" : null };
    } else if (!after) {
      // Nothing was taken yet; a late confirmation still finds the payment (and flags a refund).
      payment = (await transitionPayment(tx, { id: payment.id, ...PAYMENT_MOVES.cancel, set: { nextAction: null } }))!;
      told = null;
    } else {
      told = { payment: "payment.pending", session: "checkout.session.pending" };
    }
    if (told) {
      const scope = { merchantId: session.merchantId, livemode: session.livemode };
      // The session's event shows its payments: they are read in the payment event's round trip.
      const [, listed] = await Promise.all([
        recordEvent(tx, { ...scope, type: told.payment, object: paymentToObject(payment), at }),
        told.session ? listSessionPayments(tx, session.id) : null,
      ]);
      if (told.session && after) {
        await recordEvent(tx, { ...scope, type: told.session, object: sessionToObject(after, listed!), at });
      }
    }
    return { session: after ?? (await findSessionById(tx, session.id))!, payment };
  });
}
