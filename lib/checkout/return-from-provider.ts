// The buyer back from a processor's own page (SPEC 8: `/checkout/{id}/return?payment=pay_…`).
// The query string is never believed: the processor's API says how the payment stands.
import type { Database } from "@/db/client";
import { findPaymentById } from "@/db/queries/payments";
import { looksLikeId } from "@/lib/ids";
import { log } from "@/lib/log";
import { ProviderUnreachable } from "@/lib/providers/types";
import { loadCheckout } from "./load-checkout";
import { readBackPayment } from "./read-back-payment";
import { fillSessionId } from "./redirects";

export type ReturnOptions = { sessionId: string; paymentId: string | null; at: Date };

/** Where the buyer goes: the merchant once paid (they are at the top level now, framed or not), else the checkout. */
export async function returnFromProvider(db: Database, opts: ReturnOptions): Promise<string> {
  const page = `/checkout/${encodeURIComponent(opts.sessionId)}`;
  const payment = opts.paymentId && looksLikeId(opts.paymentId, "pay_") ? await findPaymentById(db, opts.paymentId) : null;
  if (payment && payment.sessionId === opts.sessionId && (payment.status === "pending" || payment.status === "requires_action")) {
    try {
      await readBackPayment(db, payment, opts.at);
    } catch (err) {
      // No answer yet: the page shows the payment waiting, and reconciliation asks again.
      if (!(err instanceof ProviderUnreachable)) throw err;
      log.warn({ paymentId: payment.id, reason: err.reason }, "the provider did not answer on the buyer's return");
    }
  }
  const checkout = await loadCheckout(db, opts.sessionId, opts.at);
  if (checkout?.session.status === "paid") return fillSessionId(checkout.session.successUrl, checkout.session.id);
  const failed = checkout?.payments.at(-1)?.status === "failed";
  return failed ? `${page}?rail=${checkout!.payments.at(-1)!.rail}` : page;
}
