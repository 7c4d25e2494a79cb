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
import type { Locale } from "@/lib/i18n/locales";
import { resolveLocale } from "@/lib/i18n/negotiate";
import { ApiError, invalidState, notFound, validationError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { log } from "@/lib/log";
import { accountContext, routeFor, type Route } from "@/lib/providers";
import { PROVIDER_LABELS } from "@/lib/providers/labels";
import { ProviderRefused, ProviderUnreachable, type ProviderName, type StartPaymentResult } from "@/lib/providers/types";
import { railServes, railTakes, type Rail, type RailRequest } from "@/lib/rails";
import { cardFingerprint } from "@/lib/rails/card/card-fingerprint";
import { serverSecret } from "@/lib/security/secret";
import { computeFee, feeRuleFor } from "./fees";
import { expireIfDue } from "./expire-session";
import { getSessionForBuyer } from "./get-session";
import { PAY_ERRORS, toRailRequest, type PayInput } from "./pay-input";
import { firstReconcileAt } from "./reconcile-schedule";
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
  /** The buyer's Accept-Language: the language of their receipt when the session's is `auto`. */
  acceptLanguage?: string | null;
};

/** The session and the payment as the attempt left them. */
export type PayResult = { session: SessionRow; payment: PaymentRow };

/** How long a payment whose start went unanswered waits for reconciliation to learn its fate. */
const UNKNOWN_START_MS = 10 * 60_000;

/** A rail that no provider account serves (live mode), or that the session does not offer. */
export function railUnavailable(rail: string, why = "no payment provider account of the session's mode serves it"): ApiError {
  return validationError(
    `rail: this checkout cannot take ${rail} payments: ${why}.`,
    [{ path: ["rail"], code: "rail_unavailable", message: PAY_ERRORS.rail_unavailable }],
    "rail_unavailable",
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
  const scope = { merchantId: session.merchantId, livemode: session.livemode };
  // Never a rail that cannot ask for exactly the total (USSD and kobo), even where a session made
  // before it learnt so lists it.
  if (railServes(input.rail, session.currency) && !railTakes(input.rail, session.currency, session.amount)) {
    throw railUnavailable(input.rail, "it cannot ask for exactly this session's amount (USSD takes whole naira only)");
  }
  if (!session.paymentMethods.includes(input.rail)) throw railUnavailable(input.rail, "the session does not offer it");
  const route = await routeFor(db, scope, input.rail, session.currency);
  if (!route) throw railUnavailable(input.rail);

  let request = toRailRequest(
    {
      amount: session.amount,
      currency: session.currency,
      paymentMethods: session.paymentMethods,
      installments: session.installments ?? null,
      customerEmail: session.customerEmail,
      customerName: session.customer?.name ?? null,
      customerDocument: session.customer?.document?.number ?? null,
      emailRequired: route.provider.needsEmail,
      hostedCard: route.provider.hostedCards,
    },
    input,
    at,
  );
  const merchant = (await findMerchant(db, session.merchantId))!;
  if (request.rail === "virtual_account") {
    const saved = await findVirtualAccount(db, scope, request.email, issuerOf(route));
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
    const buyerLocale = resolveLocale(session.locale, opts.acceptLanguage ?? null);
    return await attempt(db, { session: leased, merchant, route, request, at, buyerLocale });
  } finally {
    await releaseAttemptLease(db, sessionId, leaseUntil);
  }
}

/** Whose a virtual account is: the sandbox's, or the one provider account's that made it. */
const issuerOf = (route: Route): string => route.account?.id ?? "sandbox";

/**
 * Asks the processor to start the payment. Its refusal (a 4xx) is a failed payment with its
 * reason; no answer (a timeout, a network error, a 5xx) is an unknown outcome: the payment
 * waits, without instructions, until reconciliation learns what became of it (SPEC 8).
 */
async function startPayment(o: AttemptOptions, paymentId: string): Promise<StartPaymentResult> {
  const { session, merchant, request, at, route } = o;
  const { provider, account } = route;
  try {
    return await provider.startPayment(
      {
        paymentId,
        sessionId: session.id,
        livemode: session.livemode,
        merchant: { id: merchant.id, name: merchant.name },
        amount: session.amount,
        currency: session.currency,
        at,
        challengeUrl: `${checkoutUrl(session.id)}/3ds`,
        returnUrl: `${checkoutUrl(session.id)}/return?payment=${paymentId}`,
        email: ("email" in request ? request.email : null) ?? session.customerEmail,
        request,
      },
      account ? accountContext(account) : { id: "sandbox", livemode: false, credentials: null },
    );
  } catch (err) {
    const context = { provider: provider.name, rail: request.rail, sessionId: session.id, paymentId };
    if (err instanceof ProviderRefused) {
      log.warn({ ...context, status: err.status }, "the provider refused a payment");
      return { status: "failed", failureCode: "provider_refused", failureMessage: refusalMessage(provider.name, err), nextAction: null, details: {}, expiresAt: null };
    }
    if (err instanceof ProviderUnreachable) {
      log.warn({ ...context, reason: err.reason }, "the provider did not answer; the payment waits for reconciliation");
      return { status: "pending", nextAction: null, details: {}, expiresAt: new Date(at.getTime() + UNKNOWN_START_MS), providerData: { startUnanswered: true } };
    }
    // The message may quote what the processor saw; log its name only, never the request.
    log.error({ ...context, err: err instanceof Error ? err.name : "error" }, "provider failed to start a payment");
    throw new ApiError("provider_error", "provider_unavailable", "The payment provider could not be asked. No payment was taken; try again.");
  }
}

function refusalMessage(provider: ProviderName, err: ProviderRefused): string {
  return `${PROVIDER_LABELS[provider]} refused the payment: ${err.providerMessage}`.slice(0, 500);
}

/**
 * customerDetails (SPEC 9): what the rail's checks kept of what the buyer gave (an email
 * lowercased, a phone in E.164; the page prefills from `customer`), null where it asks none.
 */
function buyerDetails(request: RailRequest, buyerLocale: Locale) {
  return {
    buyerLocale,
    buyerEmail: ("email" in request ? request.email : null) || null,
    buyerName: ("name" in request ? request.name : null) || null,
    buyerPhone: ("phone" in request ? request.phone : null) || null,
  };
}

type AttemptOptions = {
  session: SessionRow;
  merchant: MerchantRow;
  route: Route;
  request: RailRequest;
  at: Date;
  buyerLocale: Locale;
};

async function attempt(db: Database, o: AttemptOptions): Promise<PayResult> {
  const { session, merchant, request, at, buyerLocale } = o;
  const paymentId = newId("payment");
  const rail: Rail = request.rail;
  const { provider, account } = o.route;
  // Nothing is locked while the processor is asked: only the session's attempt lease is held.
  let outcome = await startPayment(o, paymentId);

  if (request.rail === "virtual_account" && !request.account) {
    // Keep the account for this email; if another session saved one first, use that one.
    const d = outcome.details as { bankName: string; accountNumber: string; accountName: string };
    const saved = await saveVirtualAccount(db, {
      merchantId: session.merchantId,
      livemode: session.livemode,
      customerEmail: request.email,
      issuer: issuerOf(o.route),
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
  const providerData: Record<string, unknown> = { ...outcome.providerData };
  if (request.rail === "card" && request.card) providerData.fingerprint = cardFingerprint(request.card.number, serverSecret());
  const waits = outcome.status === "pending" || outcome.status === "requires_action";

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
        provider: provider.name,
        providerAccountId: account?.id ?? null,
        providerRef: provider.reference(paymentId, rail),
        // A processor's payment is asked about until it settles (SPEC 8: Reconciliation).
        reconcileAt: account && waits ? firstReconcileAt(at) : null,
        expiresAt: outcome.expiresAt,
        createdAt: at,
        paidAt: outcome.status === "succeeded" ? at : null,
      }),
      // The buyer's details go with the attempt that pays or is paying; a failed one leaves them.
      outcome.status === "succeeded"
        ? transitionSession(tx, { id: session.id, ...SESSION_MOVES.pay, set: { paidAt: at, ...buyerDetails(request, buyerLocale) } })
        : outcome.status === "failed"
          ? recordFailedAttempt(tx, { id: session.id, max: MAX_FAILED_ATTEMPTS, ...FAILED_ATTEMPT })
          : transitionSession(tx, { id: session.id, ...SESSION_MOVES.wait, set: buyerDetails(request, buyerLocale) }),
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
