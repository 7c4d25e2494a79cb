import type { Database } from "@/db/client";
import { findMerchant, type MerchantRow } from "@/db/queries/merchants";
import type { PaymentRow } from "@/db/queries/payment-row";
import { listSessionPayments, type SessionRow } from "@/db/queries/sessions";
import { getSessionForBuyer } from "./get-session";

export type Checkout = { session: SessionRow; merchant: MerchantRow; payments: PaymentRow[] };

/** Everything the buyer's page and API show for one session, expiry applied; null if unknown. */
export async function loadCheckout(db: Database, id: string, at: Date): Promise<Checkout | null> {
  const session = await getSessionForBuyer(db, id, at);
  if (!session) return null;
  const [merchant, payments] = await Promise.all([findMerchant(db, session.merchantId), listSessionPayments(db, id)]);
  return { session, merchant: merchant!, payments };
}

/** The payment the buyer is waiting on, if any. */
export function waitingPayment(payments: PaymentRow[]): PaymentRow | null {
  return payments.findLast((p) => p.status === "pending" || p.status === "requires_action") ?? null;
}
