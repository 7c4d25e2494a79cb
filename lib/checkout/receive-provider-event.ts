// A processor's notification at an account's webhookUrl (SPEC 8): its signature checked on
// the raw body (401 otherwise), each event once, and never money moved on its body: it only
// says which payment to read back from the processor's API.
import type { Database } from "@/db/client";
import { findPaymentByProviderRef } from "@/db/queries/payments";
import { findProviderAccountById, providerEventRecorded, recordProviderEvent } from "@/db/queries/provider-accounts";
import { ApiError, notFound } from "@/lib/errors";
import { looksLikeId } from "@/lib/ids";
import { log } from "@/lib/log";
import { accountContext, providerNamed } from "@/lib/providers";
import { BadSignature, ProviderUnreachable, type Notice } from "@/lib/providers/types";
import { readBackPayment } from "./read-back-payment";

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
  if (notice.about !== "payment") return { received: true, duplicate: false, payment: null };

  const payment = await findPaymentByProviderRef(db, account.id, notice.providerRef);
  if (!payment) {
    log.warn({ accountId }, "a provider notification names no payment of this account");
    return { received: true, duplicate: false, payment: null };
  }
  if (await providerEventRecorded(db, account.id, notice.eventId)) return { received: true, duplicate: true, payment: payment.id };
  try {
    await readBackPayment(db, payment, at);
  } catch (err) {
    // The processor sends it again later (and reconciliation asks meanwhile): keep it unrecorded.
    if (err instanceof ProviderUnreachable) {
      throw new ApiError("provider_error", "provider_unavailable", "The provider's API did not answer; send the notification again later.", { status: 503 });
    }
    throw err;
  }
  const fresh = await recordProviderEvent(db, { accountId: account.id, eventId: notice.eventId, paymentId: payment.id, receivedAt: at });
  return { received: true, duplicate: !fresh, payment: payment.id };
}
