// Paystack (https://paystack.com/docs/api/): the Nigerian rails in NGN. Cards on Paystack's own
// page (the number never reaches Kassa), transfers and USSD as charges whose instructions
// Kassa's page shows. Amounts are kobo both sides; Kassa's payment id is the reference, so a
// retried call can never make a second transaction.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "@/lib/env";
import { bankTransfer } from "@/lib/rails/bank-account";
import { ussdDial } from "@/lib/rails/ussd";
import {
  BadSignature,
  ProviderRefused,
  type AccountContext,
  type Notice,
  type PaymentRef,
  type ProviderAdapter,
  type ReadBack,
  type StartPaymentRequest,
  type StartPaymentResult,
} from "../types";
import { paystack, type PaystackKey } from "./client";
import {
  balanceAnswer,
  chargeAnswer,
  fromReference,
  initializeAnswer,
  readBackOf,
  toReference,
  USSD_TYPES,
  verifyAnswer,
  webhookBody,
  type Charge,
} from "./transformers";

const MINUTE = 60_000;
/** How long each kind of payment waits for the buyer. */
const DEADLINES_MS = { card: 30 * MINUTE, ussd: 30 * MINUTE } as const;

const credentials = z.strictObject({
  secretKey: z
    .string()
    .trim()
    .regex(/^sk_(test|live)_[0-9A-Za-z]{16,100}$/, "must be a Paystack secret key: sk_test_… or sk_live_…"),
});

type Credentials = z.output<typeof credentials>;

const after = (at: Date, ms: number) => new Date(at.getTime() + ms);

function metadata(req: StartPaymentRequest) {
  return { kassa_payment_id: req.paymentId, kassa_session_id: req.sessionId };
}

/** Paystack keys its customers and receipts on an email; the rails ask for one when the session has none. */
function emailOf(req: StartPaymentRequest): string {
  if (!req.email) throw new ProviderRefused("Paystack needs the buyer's email address.", 400);
  return req.email;
}

async function startCard(req: StartPaymentRequest, key: PaystackKey): Promise<StartPaymentResult> {
  const init = await paystack(
    key,
    {
      method: "POST",
      path: "/transaction/initialize",
      body: {
        email: emailOf(req),
        amount: req.amount,
        currency: req.currency,
        reference: toReference(req.paymentId),
        channels: ["card"],
        callback_url: req.returnUrl,
        metadata: metadata(req),
      },
    },
    initializeAnswer,
  );
  return {
    status: "requires_action",
    nextAction: { type: "redirect_to_url", url: init.data.authorization_url },
    details: { brand: null, last4: null, expMonth: null, expYear: null },
    expiresAt: after(req.at, DEADLINES_MS.card),
  };
}

/** A charge Paystack answered: its instructions, or its outcome when it settled at once. */
function chargeResult(c: Charge): StartPaymentResult | null {
  const back = readBackOf(c);
  if (back.state === "failed") return { status: "failed", failureCode: back.failureCode, failureMessage: back.failureMessage, nextAction: null, details: {}, expiresAt: null };
  return null;
}

async function startTransfer(req: StartPaymentRequest, key: PaystackKey): Promise<StartPaymentResult> {
  // `bank_transfer` is Pay with Transfer (https://paystack.com/docs/payments/payment-channels/#bank-transfer);
  // the OpenAPI document's /charge schema does not list it (SOURCE.md, known gaps).
  const answer = await paystack(
    key,
    {
      method: "POST",
      path: "/charge",
      body: {
        email: emailOf(req),
        amount: req.amount,
        reference: toReference(req.paymentId),
        metadata: metadata(req),
        bank_transfer: { account_expires_at: after(req.at, 30 * MINUTE).toISOString() },
      },
    },
    chargeAnswer,
  );
  const c = answer.data;
  const settled = chargeResult(c);
  if (settled) return settled;
  if (!c.account_number || !c.account_name || !c.bank) throw new ProviderRefused(c.display_text || "Paystack did not give an account to pay into.", 502);
  const expiresAt = c.account_expires_at ? new Date(c.account_expires_at) : after(req.at, 30 * MINUTE);
  return {
    status: "pending",
    ...bankTransfer({ bankId: c.bank.slug ?? "", bankName: c.bank.name, accountNumber: c.account_number, accountName: c.account_name }, expiresAt),
    expiresAt,
  };
}

async function startUssd(req: StartPaymentRequest, key: PaystackKey, r: Extract<StartPaymentRequest["request"], { rail: "ussd" }>): Promise<StartPaymentResult> {
  const type = USSD_TYPES[r.bank.id];
  if (!type) throw new ProviderRefused(`Paystack cannot take USSD payments from ${r.bank.name}.`, 400);
  const answer = await paystack(
    key,
    {
      method: "POST",
      path: "/charge",
      body: { email: emailOf(req), amount: req.amount, reference: toReference(req.paymentId), metadata: metadata(req), ussd: { type } },
    },
    chargeAnswer,
  );
  const c = answer.data;
  const settled = chargeResult(c);
  if (settled) return settled;
  if (!c.ussd_code) throw new ProviderRefused(c.display_text || "Paystack did not give a USSD code.", 502);
  return { status: "pending", ...ussdDial(r.bank, c.ussd_code), expiresAt: after(req.at, DEADLINES_MS.ussd) };
}

/** Paystack's word on a payment: the transaction's verify for cards, the charge's check for the rest. */
async function readBack(payment: PaymentRef, key: PaystackKey): Promise<ReadBack> {
  const reference = payment.providerRef ?? toReference(payment.id);
  const path = `/${payment.rail === "card" ? "transaction/verify" : "charge"}/${encodeURIComponent(reference)}`;
  try {
    const answer = await paystack(key, { method: "GET", path }, payment.rail === "card" ? verifyAnswer : chargeAnswer);
    return readBackOf(answer.data);
  } catch (err) {
    // Paystack has no transaction for the reference (the start never reached it): nothing was paid.
    if (err instanceof ProviderRefused && err.status === 404) return { state: "pending" };
    throw err;
  }
}

/** The signature Paystack puts on a webhook: hex HMAC-SHA512 of the raw body, keyed with the secret key. */
export function paystackSignature(body: string, secretKey: string): string {
  return createHmac("sha512", secretKey).update(body, "utf8").digest("hex");
}

function signedBy(body: string, header: string | null, secretKey: string): boolean {
  if (!header || !/^[0-9a-f]{128}$/i.test(header)) return false;
  return timingSafeEqual(Buffer.from(paystackSignature(body, secretKey), "hex"), Buffer.from(header, "hex"));
}

function readNotification(raw: { body: string; headers: Headers }, account: AccountContext<Credentials>): Notice {
  if (!signedBy(raw.body, raw.headers.get("x-paystack-signature"), account.credentials.secretKey)) throw new BadSignature();
  let json: unknown;
  try {
    json = JSON.parse(raw.body);
  } catch {
    return { eventId: "", about: "other" };
  }
  const parsed = webhookBody.safeParse(json);
  if (!parsed.success) return { eventId: "", about: "other" };
  const { event, data } = parsed.data;
  // Paystack's events carry no id of their own: the event, its transaction and its status make one.
  const eventId = `${event}:${data.id ?? data.reference ?? ""}:${data.status ?? ""}`;
  if (!event.startsWith("charge.") || !data.reference) return { eventId, about: "other" };
  if (fromReference(data.reference)) return { eventId, about: "payment", providerRef: data.reference };
  if (data.channel === "dedicated_nuban" && data.customer?.email) {
    return { eventId, about: "dedicated_account", providerRef: data.reference, customerEmail: data.customer.email.toLowerCase() };
  }
  return { eventId, about: "other" };
}

export const paystackAdapter: ProviderAdapter<Credentials> = {
  name: "paystack",
  rails: ["card", "transfer", "ussd"],
  currencies: ["NGN"],
  hostedCards: true,
  needsEmail: true,
  banksFor: (rail) => (rail === "ussd" ? Object.keys(USSD_TYPES) : null),
  pageOrigins: () => [new URL(env().PAYSTACK_CHECKOUT_URL).origin],
  reference: toReference,
  credentials,
  hint: (c) => `${c.secretKey.slice(0, 8)}…${c.secretKey.slice(-4)}`,
  modeOf: (c) => (c.secretKey.startsWith("sk_live_") ? "live" : "test"),
  async checkCredentials(c) {
    await paystack(c, { method: "GET", path: "/balance" }, balanceAnswer);
  },
  async startPayment(req, account) {
    const key = account.credentials;
    const r = req.request;
    if (r.rail === "card") return startCard(req, key);
    if (r.rail === "transfer") return startTransfer(req, key);
    if (r.rail === "ussd") return startUssd(req, key, r);
    throw new ProviderRefused(`Paystack does not take ${r.rail} payments through Kassa.`, 400);
  },
  readBack: (payment, account) => readBack(payment, account.credentials),
  readNotification,
};

export { toReference, fromReference };
