import type { NewMail } from "@/db/queries/events";
import { mailEnabled } from "@/lib/env";
import { newId } from "@/lib/ids";
import type { EventType } from "./types";

/**
 * The rails whose pending payment takes hours or days (a slip paid at the bank, a transfer, a
 * debit): the buyer is mailed how to finish it, so that closing the page loses nothing.
 */
export const INSTRUCTED_RAILS: readonly string[] = ["boleto", "transfer", "virtual_account", "direct_debit"];

type SessionShape = {
  id?: unknown;
  customer?: { email?: unknown } | null;
  customerDetails?: { email?: unknown } | null;
  payment?: { id?: unknown; rail?: unknown; status?: unknown } | null;
};

const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

/** Who the buyer's mail goes to: the email they gave on the page, else the one the merchant sent. */
export function mailRecipient(given: unknown, merchantSent: unknown): string | null {
  return text(given) ?? text(merchantSent);
}

/**
 * The mail to the buyer that an event causes (SPEC 9), or null: a session's receipt when it is
 * paid, the instructions of a long-running payment when the session starts waiting for it. To
 * whoever paid: the email they gave on the page, else the one the merchant sent. None when this
 * install has no SMTP server (none is queued to flood out the day one is set).
 */
export function mailFor(type: EventType, object: Record<string, unknown>): NewMail | null {
  if (type !== "checkout.session.paid" && type !== "checkout.session.pending") return null;
  if (!mailEnabled()) return null;
  const s = object as SessionShape;
  const sessionId = text(s.id);
  const paymentId = text(s.payment?.id);
  const recipient = mailRecipient(s.customerDetails?.email, s.customer?.email);
  if (!sessionId || !paymentId || !recipient) return null;
  if (type === "checkout.session.paid") {
    return { id: newId("mail"), kind: "receipt", subjectId: sessionId, sessionId, paymentId, recipient };
  }
  if (s.payment?.status !== "pending" || !INSTRUCTED_RAILS.includes(String(s.payment?.rail))) return null;
  return { id: newId("mail"), kind: "instructions", subjectId: paymentId, sessionId, paymentId, recipient };
}
