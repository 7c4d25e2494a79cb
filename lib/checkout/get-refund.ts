import type { Database } from "@/db/client";
import { findRefund, listRefunds, type ListRefundsParams } from "@/db/queries/refunds";
import type { Scope } from "@/db/queries/scope";
import { notFound } from "@/lib/errors";
import { looksLikeId } from "@/lib/ids";
import type { RefundObject } from "./schemas";
import { refundToObject } from "./serialize";

export async function getRefund(db: Database, scope: Scope, id: string): Promise<RefundObject> {
  const row = looksLikeId(id, "re_") ? await findRefund(db, scope, id) : null;
  if (!row) throw notFound("refund", id);
  return refundToObject(row);
}

/** A page of refunds, newest first; null when the cursor is not one of this scope's refunds. */
export async function listRefundObjects(db: Database, params: ListRefundsParams) {
  const page = await listRefunds(db, params);
  if (!page) return null;
  return { object: "list" as const, data: page.data.map(refundToObject), hasMore: page.hasMore };
}
