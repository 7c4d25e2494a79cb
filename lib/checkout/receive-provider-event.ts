// A processor's notification at an account's webhookUrl (SPEC 8): its signature checked on
// the raw body (401 otherwise), each event once, and never money moved on its body: it only
// says which payment to read back from the processor's API.
import type { Database } from "@/db/client";
import type { PaymentRow } from "@/db/queries/payment-row";
import { dedicatedAccountPayments, findPaymentByProviderRef } from "@/db/queries/payments";
import { findProviderAccountById, providerEventRecorded, recordProviderEvent } from "@/db/queries/provider-accounts";
import { ApiError, notFound } from "@/lib/errors";
import { looksLikeId } from "@/lib/ids";
import { log } from "@/lib/log";
import { accountContext, providerNamed } from "@/lib/providers";
import { BadSignature, ProviderUnreachable, type AccountContext, type Notice, type PaymentProvider } from "@/lib/providers/types";
import { paymentRef, readBackPayment } from "./read-back-payment";
import { readBackRefundsOf } from "./read-back-refund";

export type ReceiveProviderEventOptions = { accountId: string; body: string; headers: Headers; at: Date };

export type Received = { received: true; duplicate: boolean; payment: string | null };

export async function receiveProviderEvent(db: Database, opts: ReceiveProviderEventOptions): Promise<Received> {
  const { accountId, body, headers, at } = opts;
  const account = looksLikeId(accountId, "pa_") ? await findProviderAccountById(db, accountId) : null;
  const provider = account && providerNamed(account.provider);
  if (!account || !provider) throw notFound("provider account", accountId);
  let notice: Notice;
  try {
    notice = provider.readNotification({ body, headers }, accountContext(account));
  } catch (err) {
    if (!(err instanceof BadSignature)) throw err;
    log.warn({ accountId }, "a provider notification failed its signature check");
    throw new ApiError("authentication_error", "invalid_signature", "The notification's signature does not match this account's credentials.");
  }
  if (notice.about === "other") return { received: true, duplicate: false, payment: null };
  if (notice.about === "refund") return receiveRefundNotice(db, account.id, notice, at);

  const payment = await unanswered(async () =>
    notice.about === "payment"
      ? findPaymentByProviderRef(db, account.id, notice.providerRef)
      : ((await findPaymentByProviderRef(db, account.id, notice.providerRef)) ?? (await dedicatedAccountPayment(db, account.id, notice, provider, accountContext(account)))),
  );
  if (!payment) {
    log.warn({ accountId }, "a provider notification names no payment of this account");
    return { received: true, duplicate: false, payment: null };
  }
  if (await providerEventRecorded(db, account.id, notice.eventId)) return { received: true, duplicate: true, payment: payment.id };
  await unanswered(() => readBackPayment(db, payment, at, { providerRef: notice.providerRef }));
  const fresh = await recordProviderEvent(db, { accountId: account.id, eventId: notice.eventId, paymentId: payment.id, receivedAt: at });
  return { received: true, duplicate: !fresh, payment: payment.id };
}

/**
 * Which waiting payment money into a customer's dedicated account is for: the one of that
 * customer for the amount Paystack's API says arrived (the oldest, if several), else the
 * oldest of theirs, on which the wrong amount is then recorded.
 */
async function dedicatedAccountPayment(
  db: Database,
  accountId: string,
  notice: Extract<Notice, { about: "dedicated_account" }>,
  provider: PaymentProvider,
  context: AccountContext,
): Promise<PaymentRow | null> {
  const candidates = await dedicatedAccountPayments(db, accountId, notice.customerEmail);
  const first = candidates[0];
  if (!first) return null;
  const back = await provider.readBack(paymentRef(first, { providerRef: notice.providerRef, takenRefs: [] }), context);
  if (back.state !== "succeeded") return null;
  return candidates.find((p) => p.amount === back.amount && p.currency === back.currency && p.status === "pending") ?? candidates.find((p) => p.amount === back.amount && p.currency === back.currency) ?? first;
}

/** A refund of one of the account's payments moved: its pending refunds are read back from the processor. */
async function receiveRefundNotice(db: Database, accountId: string, notice: Extract<Notice, { about: "refund" }>, at: Date): Promise<Received> {
  const payment = await findPaymentByProviderRef(db, accountId, notice.providerRef);
  if (!payment) {
    log.warn({ accountId }, "a provider refund notification names no payment of this account");
    return { received: true, duplicate: false, payment: null };
  }
  if (await providerEventRecorded(db, accountId, notice.eventId)) return { received: true, duplicate: true, payment: payment.id };
  await unanswered(() => readBackRefundsOf(db, payment, at));
  const fresh = await recordProviderEvent(db, { accountId, eventId: notice.eventId, paymentId: payment.id, receivedAt: at });
  return { received: true, duplicate: !fresh, payment: payment.id };
}

/** The processor's API did not answer: it sends the notification again later (and reconciliation asks meanwhile), so keep it unrecorded. */
async function unanswered<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ProviderUnreachable) {
      throw new ApiError("provider_error", "provider_unavailable", "The provider's API did not answer; send the notification again later.", { status: 503 });
    }
    throw err;
  }
}
