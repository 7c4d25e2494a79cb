// Paystack (https://paystack.com/docs/api/): the five Nigerian rails in NGN. Cards and direct
// debit mandates on Paystack's own pages (the card number never reaches Kassa); transfers,
// USSD and dedicated accounts started server to server, their instructions on Kassa's page. Amounts are kobo both sides; Kassa's payment id is the reference, so a
// retried call can never make a second transaction.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "@/lib/env";
import { bankTransfer } from "@/lib/rails/bank-account";
import { awaitingDebit } from "@/lib/rails/direct_debit";
import { findNigerianBank } from "@/lib/rails/ng-banks";
import { redirectTo } from "@/lib/rails/redirect";
import { ussdDial } from "@/lib/rails/ussd";
import {
  BadSignature,
  ProviderRefused,
  ProviderUnreachable,
  type AccountContext,
  type Continued,
  type Notice,
  type PaymentRef,
  type ProviderAdapter,
  type RefundReadBack,
  type RefundRef,
  type ReadBack,
  type StartPaymentRequest,
  type StartPaymentResult,
} from "../types";
import { paystack, type PaystackKey } from "./client";
import {
  balanceAnswer,
  chargeAnswer,
  chargeAuthorizationAnswer,
  customerAnswer,
  dedicatedAccountAnswer,
  mandateInitializeAnswer,
  mandateVerifyAnswer,
  refundAnswer,
  refundFetchAnswer,
  refundListAnswer,
  refundReadBackOf,
  transactionListAnswer,
  fromReference,
  initializeAnswer,
  readBackOf,
  toReference,
  USSD_TYPES,
  verifyAnswer,
  webhookBody,
  type Charge,
  type PaystackRefund,
} from "./transformers";

const MINUTE = 60_000;
/** How far Kassa's clock and Paystack's may disagree. */
const SKEW_MS = 10 * MINUTE;
/** Pages of 100 of GET /refund read when looking for a refund whose answer was lost. */
const REFUND_LIST_PAGES = 20;
/** How long each kind of payment waits for the buyer. */
const DEADLINES_MS = { card: 30 * MINUTE, ussd: 30 * MINUTE, transfer: 30 * MINUTE, mandate: 30 * MINUTE } as const;

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

/**
 * POST /charge on one channel (`bank_transfer` or `ussd`): the charge Paystack made, or its
 * outcome when it settled at once (a refusal).
 */
async function charge(req: StartPaymentRequest, key: PaystackKey, channel: Record<string, unknown>): Promise<Charge | StartPaymentResult> {
  const answer = await paystack(
    key,
    { method: "POST", path: "/charge", body: { email: emailOf(req), amount: req.amount, reference: toReference(req.paymentId), metadata: metadata(req), ...channel } },
    chargeAnswer,
  );
  const back = readBackOf(answer.data);
  if (back.state === "failed") return { status: "failed", failureCode: back.failureCode, failureMessage: back.failureMessage, nextAction: null, details: {}, expiresAt: null };
  return answer.data;
}

const settledAtOnce = (c: Charge | StartPaymentResult): c is StartPaymentResult => "nextAction" in c;

async function startTransfer(req: StartPaymentRequest, key: PaystackKey): Promise<StartPaymentResult> {
  // `bank_transfer` is Pay with Transfer (https://paystack.com/docs/payments/payment-channels/#bank-transfer);
  // the OpenAPI document's /charge schema does not list it (SOURCE.md, known gaps).
  const c = await charge(req, key, { bank_transfer: { account_expires_at: after(req.at, DEADLINES_MS.transfer).toISOString() } });
  if (settledAtOnce(c)) return c;
  if (!c.account_number || !c.account_name || !c.bank) throw new ProviderRefused(c.display_text || "Paystack did not give an account to pay into.", 502);
  const expiresAt = c.account_expires_at ? new Date(c.account_expires_at) : after(req.at, DEADLINES_MS.transfer);
  return {
    status: "pending",
    ...bankTransfer({ bankId: c.bank.slug ?? "", bankName: c.bank.name, accountNumber: c.account_number, accountName: c.account_name }, expiresAt),
    expiresAt,
  };
}

async function startUssd(req: StartPaymentRequest, key: PaystackKey, r: Extract<StartPaymentRequest["request"], { rail: "ussd" }>): Promise<StartPaymentResult> {
  const type = USSD_TYPES[r.bank.id];
  if (!type) throw new ProviderRefused(`Paystack cannot take USSD payments from ${r.bank.name}.`, 400);
  // https://paystack.com/docs/payments/payment-channels/#ussd
  const c = await charge(req, key, { ussd: { type } });
  if (settledAtOnce(c)) return c;
  if (!c.ussd_code) throw new ProviderRefused(c.display_text || "Paystack did not give a USSD code.", 502);
  return { status: "pending", ...ussdDial(r.bank, c.ussd_code), expiresAt: after(req.at, DEADLINES_MS.ussd) };
}

/**
 * A dedicated account per customer email (https://paystack.com/docs/payments/dedicated-virtual-accounts/):
 * made once, given again for the customer's later sessions. Money into it arrives under a
 * reference Paystack makes, matched to the payment by account, amount and time.
 */
async function startVirtualAccount(req: StartPaymentRequest, key: PaystackKey, r: Extract<StartPaymentRequest["request"], { rail: "virtual_account" }>): Promise<StartPaymentResult> {
  let account = r.account;
  if (!account) {
    const customer = await paystack(key, { method: "POST", path: "/customer", body: { email: r.email } }, customerAnswer);
    const dva = await paystack(key, { method: "POST", path: "/dedicated_account", body: { customer: customer.data.customer_code } }, dedicatedAccountAnswer);
    const d = dva.data;
    account = { bankId: d.bank.slug ?? String(d.bank.id ?? ""), bankName: d.bank.name, accountNumber: d.account_number, accountName: d.account_name };
  }
  const expiresAt = after(req.at, DEADLINES_MS.transfer);
  // Paystack's list is asked for money since this moment, by the wall clock Paystack keeps
  // (never a test clock Kassa may run ahead).
  const requestedAt = new Date().toISOString();
  return { status: "pending", ...bankTransfer(account, expiresAt), expiresAt, providerData: { bankId: account.bankId, customerEmail: r.email, requestedAt } };
}

/**
 * Direct debit (https://paystack.com/docs/payments/direct-debit/): the buyer consents to the
 * mandate on Paystack's page, then Kassa charges it under its own reference (continuePayment).
 */
async function startDirectDebit(req: StartPaymentRequest, key: PaystackKey, r: Extract<StartPaymentRequest["request"], { rail: "direct_debit" }>): Promise<StartPaymentResult> {
  const answer = await paystack(
    key,
    {
      method: "POST",
      path: "/customer/authorization/initialize",
      body: { email: emailOf(req), channel: "direct_debit", callback_url: req.returnUrl, account: { number: r.accountNumber, bank_code: r.bank.code } },
    },
    mandateInitializeAnswer,
  );
  return {
    status: "requires_action",
    nextAction: redirectTo(answer.data.redirect_url),
    details: awaitingDebit(r.bank, r.accountNumber).details,
    expiresAt: after(req.at, DEADLINES_MS.mandate),
    providerData: { mandateReference: answer.data.reference, email: emailOf(req), bank: r.bank.id },
  };
}

/** Once the mandate is in force: the debit, under Kassa's reference (a repeat is refused as a duplicate, never charged twice). */
async function continueDirectDebit(payment: PaymentRef, key: PaystackKey): Promise<Continued> {
  const mandate = String(payment.providerData.mandateReference ?? "");
  const verified = await paystack(key, { method: "GET", path: `/customer/authorization/verify/${encodeURIComponent(mandate)}` }, mandateVerifyAnswer);
  if (!verified.data.active || !verified.data.authorization_code) return { status: "requires_action" };
  try {
    await paystack(
      key,
      {
        method: "POST",
        path: "/transaction/charge_authorization",
        body: {
          email: String(payment.providerData.email ?? ""),
          amount: payment.amount,
          currency: payment.currency,
          authorization_code: verified.data.authorization_code,
          reference: toReference(payment.id),
        },
      },
      chargeAuthorizationAnswer,
    );
  } catch (err) {
    // Charged already (an earlier return, or reconciliation): the debit is under way.
    if (!(err instanceof ProviderRefused && /duplicate/i.test(err.providerMessage))) throw err;
  }
  const bank = findNigerianBank(String(payment.providerData.bank ?? ""));
  return { status: "pending", nextAction: { type: "await_debit", bank: bank?.name ?? String(payment.details.bank ?? "") } };
}

/** Money into a dedicated account since the payment began, for its amount, that no other payment claimed. */
async function findDedicatedPayment(payment: PaymentRef, key: PaystackKey): Promise<ReadBack> {
  const accountNumber = String(payment.details.accountNumber ?? "");
  const answer = await paystack(
    key,
    {
      method: "GET",
      path: "/transaction",
      query: {
        virtual_account_number: accountNumber,
        channel: "dedicated_nuban",
        status: "success",
        amount: String(payment.amount),
        from: new Date(Date.parse(String(payment.providerData.requestedAt ?? payment.createdAt.toISOString())) - SKEW_MS).toISOString(),
        per_page: "50",
      },
    },
    transactionListAnswer,
  );
  // Oldest first: the earliest transfer settles the earliest payment.
  const found = [...answer.data].reverse().find((t) => !payment.takenRefs.includes(t.reference));
  return found ? readBackOf(found) : { state: "pending" };
}

/** Paystack's word on a payment: the transaction's verify for cards, the charge's check for the rest. */
async function readBack(payment: PaymentRef, key: PaystackKey): Promise<ReadBack> {
  if (payment.rail === "virtual_account" && !payment.providerRef) return findDedicatedPayment(payment, key);
  const reference = encodeURIComponent(payment.providerRef ?? toReference(payment.id));
  try {
    return readBackOf((await paystack(key, { method: "GET", path: `/transaction/verify/${reference}` }, verifyAnswer)).data);
  } catch (err) {
    if (!(err instanceof ProviderRefused && err.status === 404)) throw err;
  }
  // No transaction yet: a charge (transfer, USSD) may still be known as one (GET /charge/{reference}).
  if (payment.rail === "card" || payment.rail === "direct_debit") return { state: "pending" };
  try {
    return readBackOf((await paystack(key, { method: "GET", path: `/charge/${reference}` }, chargeAnswer)).data);
  } catch (err) {
    // Paystack has nothing under the reference (the start never reached it): nothing was paid.
    if (err instanceof ProviderRefused && err.status === 404) return { state: "pending" };
    throw err;
  }
}

/**
 * Paystack's word on a refund: by its id (GET /refund/{id}); when the call that made it went
 * unanswered, Kassa has none, and looks for it among the refunds made since (GET /refund): the
 * one of the payment's transaction, for its amount, that no other refund of Kassa's holds.
 */
async function readRefund(refund: RefundRef, key: PaystackKey): Promise<RefundReadBack> {
  if (refund.providerRef) {
    try {
      return refundReadBackOf((await paystack(key, { method: "GET", path: `/refund/${encodeURIComponent(refund.providerRef)}` }, refundFetchAnswer)).data);
    } catch (err) {
      if (err instanceof ProviderRefused && err.status === 404) return { state: "unknown" };
      throw err;
    }
  }
  const transaction = refund.payment.providerRef ?? toReference(refund.payment.id);
  const from = new Date(refund.createdAt.getTime() - SKEW_MS).toISOString();
  // Every page since then, not the first alone: one missed would have the refund taken as never
  // made, and made again. Newest first, so the earliest of ours is the last match seen.
  let found: PaystackRefund | undefined;
  for (let page = 1; page <= REFUND_LIST_PAGES; page++) {
    const answer = await paystack(key, { method: "GET", path: "/refund", query: { from, perPage: "100", page: String(page) } }, refundListAnswer);
    for (const r of answer.data) {
      if (r.transaction_reference === transaction && r.amount === refund.amount && !refund.takenRefs.includes(String(r.id))) found = r;
    }
    if (answer.data.length === 0 || page >= (answer.meta?.pageCount ?? page)) break;
    // More refunds since than Kassa reads at once: not knowing is not "never made".
    if (page === REFUND_LIST_PAGES && !found) throw new ProviderUnreachable("more refunds since this one than Kassa searches");
  }
  return found ? refundReadBackOf(found) : { state: "unknown" };
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
  if (event.startsWith("refund.")) {
    // A refund's event names its transaction only: the payment's refunds are read back.
    const reference = data.transaction_reference ?? "";
    const eventId = `${event}:${reference}:${data.refund_reference ?? data.id ?? ""}:${data.amount ?? ""}:${data.status ?? ""}`;
    return reference ? { eventId, about: "refund", providerRef: reference } : { eventId, about: "other" };
  }
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
  rails: ["card", "transfer", "virtual_account", "ussd", "direct_debit"],
  currencies: ["NGN"],
  hostedCards: true,
  needsEmail: true,
  banksFor: (rail) => (rail === "ussd" ? Object.keys(USSD_TYPES) : null),
  pageOrigins: () => [new URL(env().PAYSTACK_CHECKOUT_URL).origin],
  // Money into a dedicated account comes under Paystack's own reference, learnt when it arrives.
  reference: (paymentId, rail) => (rail === "virtual_account" ? null : toReference(paymentId)),
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
    if (r.rail === "virtual_account") return startVirtualAccount(req, key, r);
    if (r.rail === "direct_debit") return startDirectDebit(req, key, r);
    throw new ProviderRefused(`Paystack does not take ${r.rail} payments through Kassa.`, 400);
  },
  readBack: (payment, account) => readBack(payment, account.credentials),
  // Money back from a paid payment: Paystack queues it ("pending") and processes it later.
  async refund(payment, amount, account) {
    const answer = await paystack(
      account.credentials,
      { method: "POST", path: "/refund", body: { transaction: payment.providerRef ?? toReference(payment.id), amount, currency: payment.currency } },
      refundAnswer,
    );
    return { providerRef: String(answer.data.id), state: answer.data.status === "processed" ? "succeeded" : "pending" };
  },
  readRefund: (refund, account) => readRefund(refund, account.credentials),
  async continuePayment(payment, account) {
    if (payment.rail !== "direct_debit") return null;
    return continueDirectDebit(payment, account.credentials);
  },
  readNotification,
};

export { toReference, fromReference };
