import type { PaymentRow } from "@/db/queries/payment-row";
import type { PaymentRef } from "@/lib/providers/types";

/** The payment as its adapter is asked about it. */
export function paymentRef(payment: PaymentRow, over: Pick<PaymentRef, "providerRef" | "takenRefs">): PaymentRef {
  const { id, rail, amount, currency, providerData, details, createdAt } = payment;
  return { id, rail, amount, currency, providerData, details, createdAt, ...over };
}
