import type { Database } from "@/db/client";
import { findSessionById, findSessionWithPayments, listPaymentsOfSessions, listSessions, type ListSessionsParams, type SessionRow } from "@/db/queries/sessions";
import type { Scope } from "@/db/queries/scope";
import { notFound } from "@/lib/errors";
import { looksLikeId } from "@/lib/ids";
import { expireIfDue } from "./expire-session";
import type { SessionObject } from "./schemas";
import { sessionToObject } from "./serialize";

export function isSessionId(id: string): boolean {
  return looksLikeId(id, "cs_test_") || looksLikeId(id, "cs_live_");
}

/** The merchant's view of one session, with expiry applied and every payment attempt. */
export async function getSession(db: Database, scope: Scope, id: string, at: Date): Promise<SessionObject> {
  const found = isSessionId(id) ? await findSessionWithPayments(db, scope, id) : null;
  if (!found) throw notFound("checkout session", id);
  if ((await expireIfDue(db, found.session, at)) === found.session) return sessionToObject(found.session, found.payments, true);
  // It expired just now (or changed meanwhile): read it again, whole.
  const after = (await findSessionWithPayments(db, scope, id))!;
  return sessionToObject(after.session, after.payments, true);
}

/** The buyer's view: found by id alone (the id is the credential). */
export async function getSessionForBuyer(db: Database, id: string, at: Date): Promise<SessionRow | null> {
  const row = isSessionId(id) ? await findSessionById(db, id) : null;
  return row ? expireIfDue(db, row, at) : null;
}

export async function listSessionObjects(db: Database, params: ListSessionsParams, at: Date) {
  const page = await listSessions(db, params);
  if (!page) return null;
  const current = [];
  for (const row of page.data) current.push(await expireIfDue(db, row, at));
  const payments = await listPaymentsOfSessions(db, current.map((s) => s.id));
  const data: SessionObject[] = current.map((s) => sessionToObject(s, payments.get(s.id) ?? []));
  return { object: "list" as const, data, hasMore: page.hasMore };
}
