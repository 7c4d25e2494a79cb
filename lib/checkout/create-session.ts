import type { Database } from "@/db/client";
import type { DoneKey } from "@/db/queries/idempotency";
import { asJsonb } from "@/db/jsonb";
import type { MerchantRow } from "@/db/queries/merchants";
import { insertSession, type SessionRow } from "@/db/queries/sessions";
import { validationError, type ErrorIssue } from "@/lib/errors";
import { sessionId } from "@/lib/ids";
import { routesFor } from "@/lib/providers";
import { railServes, railTakes, type Rail } from "@/lib/rails";
import { toDecimalString } from "@/lib/money/currencies";
import { canonicalTag } from "@/lib/i18n/locales";
import { newEvent } from "@/lib/events/record";
import type { CreateSessionInput, SessionObject } from "./schemas";
import { sessionToObject } from "./serialize";

export type CreateSessionOptions = {
  merchant: MerchantRow;
  livemode: boolean;
  input: CreateSessionInput;
  now: Date;
  /**
   * The idempotency record to store with the session (its key, still free, and the response
   * made of the session): both are written or neither.
   */
  storeResponse?: (session: SessionObject) => DoneKey;
};

const DEFAULT_EXPIRES_IN = 1800;
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** http is for development: test keys anywhere, live keys only on the merchant's own machine. */
function insecureAllowed(url: URL, livemode: boolean): boolean {
  return url.protocol === "https:" || !livemode || LOCAL_HOSTS.has(url.hostname);
}

/**
 * Creates an open session, its `checkout.session.created` event and the event's deliveries.
 * Null only when `storeResponse`'s key turned out to be taken: then nothing was written.
 */
export async function createSession(db: Database, opts: CreateSessionOptions): Promise<SessionObject | null> {
  const { merchant, livemode, input, now } = opts;
  const issues: ErrorIssue[] = [];

  const accepted = new Set(merchant.rails);
  input.paymentMethods?.forEach((r, i) => {
    if (!accepted.has(r)) {
      issues.push({ path: ["paymentMethods", i], code: "custom", message: `${r} is not enabled for this merchant` });
    }
  });
  // Live mode has no sandbox: only the rails a connected provider account serves (SPEC 8, Routing).
  const served = livemode ? new Set(Object.keys(await routesFor(db, { merchantId: merchant.id, livemode }, input.currency))) : null;
  const unserved = served && input.paymentMethods?.filter((r) => accepted.has(r) && !served.has(r));
  if (unserved?.length) {
    throw validationError(
      `paymentMethods: no live provider account of this merchant takes ${unserved.join(", ")} in ${input.currency}. Connect one (POST /api/v1/provider-accounts, or npm run kassa -- provider connect), or leave ${unserved.length > 1 ? "them" : "it"} out.`,
      input.paymentMethods!.flatMap((r, i) => (unserved.includes(r) ? [{ path: ["paymentMethods", i], code: "rail_unavailable", message: `no live provider account takes ${r} in ${input.currency}` }] : [])),
      "rail_unavailable",
    );
  }
  const amount = input.amount ?? input.lineItems!.reduce((sum, li) => sum + li.unitAmount * li.quantity, 0);
  // A rail that cannot ask for exactly this amount (USSD and kobo) is never offered: asked for, it is a 400 as in live mode.
  const asked = [...(input.paymentMethods ?? []), ...(input.preferredPaymentMethod ? [input.preferredPaymentMethod] : [])];
  const inexact = [...new Set(asked.filter((r) => accepted.has(r) && railServes(r, input.currency) && !railTakes(r, input.currency, amount)))];
  if (inexact.length) {
    const total = `${toDecimalString(amount, input.currency)} ${input.currency}`;
    throw validationError(
      `paymentMethods: ${inexact.join(", ")} cannot ask for exactly ${total} (USSD takes whole naira only). Leave ${inexact.length > 1 ? "them" : "it"} out, or charge an amount ${inexact.length > 1 ? "they" : "it"} can take.`,
      [
        ...(input.paymentMethods ?? []).flatMap((r, i) => (inexact.includes(r) ? [{ path: ["paymentMethods", i], code: "rail_unavailable", message: `${r} cannot take exactly ${total}` }] : [])),
        ...(input.preferredPaymentMethod && inexact.includes(input.preferredPaymentMethod) ? [{ path: ["preferredPaymentMethod"], code: "rail_unavailable", message: `${input.preferredPaymentMethod} cannot take exactly ${total}` }] : []),
      ],
      "rail_unavailable",
    );
  }
  const paymentMethods: Rail[] =
    input.paymentMethods ?? merchant.rails.filter((r) => railTakes(r, input.currency, amount) && (!served || served.has(r)));
  if (paymentMethods.length === 0 && served && issues.length === 0) {
    throw validationError(
      `This live session cannot take ${input.currency}: no payment provider account in live mode serves any of this merchant's rails in it. Connect one with the merchant's live key (POST /api/v1/provider-accounts, or npm run kassa -- provider connect --mode live), then create the session again. No session was created.`,
      [{ path: ["currency"], code: "live_mode_unavailable", message: `no live provider account takes ${input.currency}` }],
      "live_mode_unavailable",
    );
  }
  if (paymentMethods.length === 0) {
    issues.push({ path: ["currency"], code: "custom", message: `no rail enabled for this merchant can take ${input.currency}` });
  }

  for (const field of ["successUrl", "cancelUrl"] as const) {
    const value = input[field];
    if (value && !insecureAllowed(new URL(value), livemode)) {
      issues.push({ path: [field], code: "custom", message: "must use https with a live key (http is allowed for localhost)" });
    }
  }
  input.allowedOrigins?.forEach((o, i) => {
    if (!insecureAllowed(new URL(o), livemode)) {
      issues.push({ path: ["allowedOrigins", i], code: "custom", message: "must use https with a live key (http is allowed for localhost)" });
    }
  });

  let expiresAt = new Date(now.getTime() + (input.expiresIn ?? DEFAULT_EXPIRES_IN) * 1000);
  if (input.expiresAt) {
    expiresAt = new Date(input.expiresAt);
    const seconds = (expiresAt.getTime() - now.getTime()) / 1000;
    if (seconds < 300 || seconds > 86_400) {
      issues.push({ path: ["expiresAt"], code: "custom", message: "must be between 5 minutes and 24 hours from now" });
    }
  }

  if (issues.length > 0) {
    const first = issues[0]!;
    throw validationError(`${first.path.join(".")}: ${first.message}`, issues);
  }

  const allowedOrigins = input.allowedOrigins ?? [new URL(input.successUrl).origin];

  // Every check above has passed: the row below is what the database will hold (jsonb
  // orders object keys its own way), so the answer needs no read back.
  const row: SessionRow = {
    id: sessionId(livemode),
    merchantId: merchant.id,
    livemode,
    status: "open",
    amount,
    currency: input.currency,
    lineItems: asJsonb(input.lineItems ?? null),
    description: input.description ?? null,
    customer: asJsonb(input.customer ?? null),
    customerEmail: input.customer?.email?.toLowerCase() ?? null,
    paymentMethods,
    preferredPaymentMethod: input.preferredPaymentMethod ?? null,
    uiMode: input.mode,
    successUrl: input.successUrl,
    cancelUrl: input.cancelUrl ?? null,
    allowedOrigins,
    metadata: asJsonb(input.metadata ?? {}),
    clientReferenceId: input.clientReferenceId ?? null,
    locale: input.locale === "auto" ? "auto" : canonicalTag(input.locale)!,
    installments: asJsonb(input.installments ?? null),
    failedAttempts: 0,
    attemptLockedUntil: null,
    expiresAt,
    createdAt: now,
    paidAt: null,
    buyerEmail: null,
    buyerName: null,
    buyerPhone: null,
    buyerLocale: null,
  };
  const object = sessionToObject(row);
  const event = newEvent({ merchantId: merchant.id, livemode, type: "checkout.session.created", object, at: now });
  const written = await insertSession(db, row, event, opts.storeResponse?.(object));
  return written ? object : null;
}
