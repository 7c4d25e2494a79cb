import type { Database } from "@/db/client";
import { findPayment } from "@/db/queries/payments";
import type { Scope } from "@/db/queries/scope";
import { notFound } from "@/lib/errors";
import { looksLikeId } from "@/lib/ids";
import type { PaymentObject } from "./schemas";
import { paymentToObject } from "./serialize";

export async function getPayment(db: Database, scope: Scope, id: string): Promise<PaymentObject> {
  const row = looksLikeId(id, "pay_") ? await findPayment(db, scope, id) : null;
  if (!row) throw notFound("payment", id);
  return paymentToObject(row);
}
