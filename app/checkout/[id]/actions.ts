"use server";

// Server actions of the buyer's page: parse the form, call lib/checkout, then redirect
// (a 303 for a form posted without JavaScript). Next checks Origin against Host for every
// action; the session id in the form is the buyer's credential, as in the URL.
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { ApiError, fromZodError } from "@/lib/api/errors";
import { abandonPayment } from "@/lib/checkout/abandon-payment";
import { answerChallenge } from "@/lib/checkout/answer-challenge";
import { isSessionId } from "@/lib/checkout/get-session";
import { encodeErrors, formToPayInput } from "@/lib/checkout/pay-form";
import { payInput } from "@/lib/checkout/pay-input";
import { paySession } from "@/lib/checkout/pay-session";
import { fillSessionId } from "@/lib/checkout/redirects";
import { simulateForBuyer } from "@/lib/checkout/simulate-for-buyer";
import type { SessionRow } from "@/db/queries/sessions";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { log } from "@/lib/log";
import { clientIp, limitPaymentAttempt } from "@/lib/security/rate-limit";

function sessionIdOf(fd: FormData): string {
  const id = fd.get("session");
  if (typeof id !== "string" || !isSessionId(id)) notFound();
  return id;
}

const pagePath = (id: string, query?: Record<string, string>) =>
  `/checkout/${id}${query && Object.keys(query).length ? `?${new URLSearchParams(query)}` : ""}`;

/** Where the buyer goes once the session has moved: the merchant when paid, else the page. */
function nextStop(session: SessionRow): string {
  // An embedded checkout stays in its frame: its paid view tells the merchant's page, which navigates.
  if (session.status === "paid" && session.uiMode !== "embedded") return fillSessionId(session.successUrl, session.id);
  return pagePath(session.id);
}

/** An expected refusal goes back to the form with its codes; anything else is a real fault. */
function backToForm(id: string, rail: string, err: unknown): string {
  if (!(err instanceof ApiError)) {
    log.error({ err: err instanceof Error ? err.name : "error", sessionId: id }, "payment action failed");
    return pagePath(id, { rail, notice: "generic" });
  }
  if (err.type === "not_found") notFound();
  if (err.type === "validation_error" && err.issues?.length) return pagePath(id, { rail, errors: encodeErrors(err.issues) });
  return pagePath(id, { rail, notice: err.code });
}

export async function pay(fd: FormData): Promise<void> {
  const id = sessionIdOf(fd);
  const rail = String(fd.get("rail") ?? "");
  let to: string;
  try {
    await limitPaymentAttempt(clientIp(await headers()), id);
    const parsed = payInput.safeParse(formToPayInput(fd));
    if (!parsed.success) throw fromZodError(parsed.error);
    const { session, payment } = await paySession(await getDb(), { sessionId: id, input: parsed.data, at: now() });
    if (payment.status === "requires_action") to = pagePath(id) + "/3ds";
    else if (payment.status === "failed" && session.status === "open") to = pagePath(id, { rail });
    else to = nextStop(session);
  } catch (err) {
    to = backToForm(id, rail, err);
  }
  redirect(to);
}

export async function completeChallenge(fd: FormData): Promise<void> {
  const id = sessionIdOf(fd);
  let to: string;
  try {
    const settled = await answerChallenge(await getDb(), { sessionId: id, passed: fd.get("outcome") === "complete", at: now() });
    const s = settled.session;
    to = s?.status === "paid" ? nextStop(s) : pagePath(id, settled.payment.status === "failed" && s?.status === "open" ? { rail: "card" } : {});
  } catch (err) {
    to = backToForm(id, "card", err);
  }
  redirect(to);
}

export async function simulate(fd: FormData): Promise<void> {
  const id = sessionIdOf(fd);
  let to = pagePath(id);
  try {
    const settled = await simulateForBuyer(await getDb(), id, fd.get("outcome") === "succeeded" ? "succeeded" : "failed", now());
    if (settled.session) to = nextStop(settled.session);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    if (err.type === "not_found") notFound();
  }
  redirect(to);
}

export async function payAnotherWay(fd: FormData): Promise<void> {
  const id = sessionIdOf(fd);
  await abandonPayment(await getDb(), id);
  redirect(pagePath(id));
}
