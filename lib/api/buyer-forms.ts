// What the buyer's pages post: each form goes to app/checkout/[id]/<form>/route.ts, which
// parses it, calls lib/checkout, and answers 303 See Other to the next page. Plain HTML forms,
// so paying works without JavaScript; the session id in the URL is the buyer's credential.
import type { SessionRow } from "@/db/queries/sessions";
import { abandonPayment } from "@/lib/checkout/abandon-payment";
import { answerChallenge } from "@/lib/checkout/answer-challenge";
import { isSessionId } from "@/lib/checkout/get-session";
import { encodeErrors, formToPayInput } from "@/lib/checkout/pay-form";
import { payInput } from "@/lib/checkout/pay-input";
import { paySession } from "@/lib/checkout/pay-session";
import { fillSessionId } from "@/lib/checkout/redirects";
import { simulateForBuyer } from "@/lib/checkout/simulate-for-buyer";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { ApiError, fromZodError } from "@/lib/errors";
import { ownOrigins } from "@/lib/env";
import { log } from "@/lib/log";
import { clientIp } from "@/lib/security/forwarded";
import { limitPaymentAttempt } from "@/lib/security/rate-limit";
import { guardPage, pageFault } from "./page-guard";

/** Does one form's work for session `id` and says where the buyer goes next. */
type FormHandler = (id: string, form: FormData, req: Request) => Promise<string>;
type RouteContext = { params: Promise<{ id: string }> };

const pagePath = (id: string, query?: Record<string, string>) =>
  `/checkout/${encodeURIComponent(id)}${query && Object.keys(query).length ? `?${new URLSearchParams(query)}` : ""}`;

/**
 * A form of ours comes from a page of ours. Browsers send Origin with every POST; one from
 * another site (or `null`, an opaque origin) is a forgery. A client that sends none is not a
 * browser and could forge any header anyway. The whole origin counts (scheme, host and port),
 * compared with our configured own: Host and X-Forwarded-Host are whatever the client wrote.
 */
function fromOurPage(req: Request): boolean {
  const origin = req.headers.get("origin");
  return origin === null || ownOrigins().includes(origin);
}

/** A route handler for one of the buyer's forms. */
export function buyerForm(handler: FormHandler) {
  return async (req: Request, ctx: RouteContext): Promise<Response> => {
    // The proxy's work, as for every page of ours: request id, headers, a multipart body that does not parse.
    const guard = await guardPage(req);
    if ("refusal" in guard) return guard.refusal;
    const answer = (status: number, headers: Record<string, string>, text?: string) =>
      new Response(text === undefined ? null : `${text}\n`, { status, headers: { ...guard.headers, "Cache-Control": "no-store", ...headers } });
    const plain = (status: number, text: string) => answer(status, { "Content-Type": "text/plain; charset=utf-8" }, text);
    const seeOther = (location: string) => answer(303, { Location: location });

    const { id } = await ctx.params;
    if (!fromOurPage(req)) return plain(403, "This form may only be sent from its own checkout page.");
    // An unknown session: its page says so, in the buyer's language.
    if (!isSessionId(id)) return seeOther(pagePath(id));
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      return plain(400, "Send this form as application/x-www-form-urlencoded or multipart/form-data.");
    }
    try {
      return seeOther(await handler(id, form, req));
    } catch (err) {
      return pageFault(guard, req, err, "no-store");
    }
  };
}

/** Where the buyer goes once the session has moved: the merchant when paid, else the page. */
function nextStop(session: SessionRow): string {
  // An embedded checkout stays in its frame: its paid view tells the merchant's page, which navigates.
  if (session.status === "paid" && session.uiMode !== "embedded") return fillSessionId(session.successUrl, session.id);
  return pagePath(session.id);
}

/** An expected refusal goes back to the form with its codes; anything else is a real fault. */
function backToForm(id: string, rail: string, err: unknown): string {
  if (!(err instanceof ApiError)) {
    log.error({ err: err instanceof Error ? err.name : "error", sessionId: id }, "payment form failed");
    return pagePath(id, { rail, notice: "generic" });
  }
  if (err.type === "not_found") return pagePath(id);
  if (err.type === "validation_error" && err.issues?.length) return pagePath(id, { rail, errors: encodeErrors(err.issues) });
  return pagePath(id, { rail, notice: err.code });
}

/** The rail forms: one payment attempt. */
export const pay: FormHandler = async (id, form, req) => {
  const rail = String(form.get("rail") ?? "");
  try {
    await limitPaymentAttempt(clientIp(req.headers), id);
    const parsed = payInput.safeParse(formToPayInput(form));
    if (!parsed.success) throw fromZodError(parsed.error);
    const { session, payment } = await paySession(await getDb(), {
      sessionId: id,
      input: parsed.data,
      at: now(),
      acceptLanguage: req.headers.get("accept-language"),
    });
    if (payment.status === "requires_action") {
      // The processor's own page takes the card (live mode); the sandbox's 3-D Secure step is ours.
      return payment.nextAction?.type === "redirect_to_url" ? payment.nextAction.url : `${pagePath(id)}/3ds`;
    }
    if (payment.status === "failed" && session.status === "open") return pagePath(id, { rail });
    return nextStop(session);
  } catch (err) {
    return backToForm(id, rail, err);
  }
};

/** The sandbox's 3-D Secure page: the buyer passes or fails the challenge. */
export const challenge: FormHandler = async (id, form) => {
  try {
    const settled = await answerChallenge(await getDb(), { sessionId: id, passed: form.get("outcome") === "complete", at: now() });
    const s = settled.session;
    if (s?.status === "paid") return nextStop(s);
    return pagePath(id, settled.payment.status === "failed" && s?.status === "open" ? { rail: "card" } : {});
  } catch (err) {
    return backToForm(id, "card", err);
  }
};

/** Test mode: settle a waiting payment as the provider would. */
export const simulate: FormHandler = async (id, form) => {
  try {
    const settled = await simulateForBuyer(await getDb(), id, form.get("outcome") === "succeeded" ? "succeeded" : "failed", now());
    return settled.session ? nextStop(settled.session) : pagePath(id);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return pagePath(id);
  }
};

/** "Pay another way": give up the waiting payment and choose again. */
export const anotherWay: FormHandler = async (id) => {
  await abandonPayment(await getDb(), id);
  return pagePath(id);
};
