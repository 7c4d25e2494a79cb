// Paystack's requests and answers, written once, and mapped to Kassa's types here: nothing
// outside this folder sees a Paystack field name (STYLE: hyperswitch's transformers).
import { z } from "zod";
import type { ReadBack, RefundReadBack } from "../types";

/** Kassa's payment id in the characters Paystack allows in a reference (letters, digits, `-`, `.`, `=`). */
export function toReference(paymentId: string): string {
  return paymentId.replace(/^pay_/, "pay-");
}

/** The payment id a reference of ours stands for, or null for one Paystack made up. */
export function fromReference(reference: string): string | null {
  return /^pay-[0-9A-Za-z]{16,64}$/.test(reference) ? `pay_${reference.slice(4)}` : null;
}

const envelope = <T extends z.ZodType>(data: T) => z.object({ status: z.literal(true), data });

export const balanceAnswer = z.object({ status: z.literal(true) });

export const initializeAnswer = envelope(z.object({ authorization_url: z.url(), access_code: z.string(), reference: z.string() }));

const bank = z.object({ name: z.string(), slug: z.string().optional(), id: z.number().optional() }).passthrough();

/** POST /charge and GET /charge/{reference}: a charge's state, with what the buyer is to do. */
export const chargeAnswer = envelope(
  z
    .object({
      status: z.string(),
      reference: z.string(),
      amount: z.number().int().optional(),
      currency: z.string().optional(),
      gateway_response: z.string().nullish(),
      display_text: z.string().nullish(),
      // bank_transfer (Pay with Transfer): the account to send to, until it expires.
      account_name: z.string().optional(),
      account_number: z.string().optional(),
      bank: bank.optional(),
      account_expires_at: z.string().optional(),
      // ussd: the string to dial.
      ussd_code: z.string().optional(),
    })
    .passthrough(),
);

export type Charge = z.output<typeof chargeAnswer>["data"];

/** GET /transaction/verify/{reference}: the transaction as Paystack recorded it. */
export const verifyAnswer = envelope(
  z
    .object({
      status: z.string(),
      reference: z.string(),
      amount: z.number().int(),
      currency: z.string(),
      gateway_response: z.string().nullish(),
      channel: z.string().nullish(),
      customer: z.object({ email: z.string().nullish() }).passthrough().nullish(),
      authorization: z
        .object({ last4: z.string().nullish(), exp_month: z.string().nullish(), exp_year: z.string().nullish(), brand: z.string().nullish() })
        .passthrough()
        .nullish(),
    })
    .passthrough(),
);

export type Transaction = z.output<typeof verifyAnswer>["data"];

// Paystack's documented transaction statuses: only these two are final.
const SUCCEEDED = new Set(["success"]);
const FAILED = new Set(["failed", "reversed"]);

/** A transaction or charge as Kassa reads it: settled, refused, or still under way. */
export function readBackOf(t: { status: string; reference: string; amount?: number; currency?: string; gateway_response?: string | null }): ReadBack {
  if (SUCCEEDED.has(t.status) && t.amount !== undefined && t.currency) {
    return { state: "succeeded", amount: t.amount, currency: t.currency, providerRef: t.reference };
  }
  if (FAILED.has(t.status)) {
    return {
      state: "failed",
      failureCode: t.status === "reversed" ? "payment_reversed" : "payment_failed",
      failureMessage: `Paystack: ${t.gateway_response || "the payment failed"}`.slice(0, 500),
    };
  }
  return { state: "pending" };
}

/** A webhook's body (https://paystack.com/docs/payments/webhooks/): only what locates its transaction. */
export const webhookBody = z
  .object({
    event: z.string(),
    data: z
      .object({
        id: z.union([z.number(), z.string()]).optional(),
        reference: z.string().optional(),
        status: z.string().optional(),
        // refund.* events name the transaction, not the refund.
        transaction_reference: z.string().optional(),
        refund_reference: z.string().nullish(),
        amount: z.number().optional(),
        channel: z.string().nullish(),
        customer: z.object({ email: z.string().nullish() }).passthrough().nullish(),
      })
      .passthrough(),
  })
  .passthrough();

/** The USSD short codes Paystack can charge through (its document's `USSD.type` enum), by Kassa's bank id. */
export const USSD_TYPES: Record<string, "737" | "919" | "822" | "966"> = {
  gtbank: "737",
  uba: "919",
  sterling: "822",
  zenith: "966",
};

/** POST /customer: the customer Paystack keys dedicated accounts and mandates on. */
export const customerAnswer = envelope(z.object({ customer_code: z.string(), id: z.number().int() }).passthrough());

/** POST /dedicated_account: the customer's own account number. */
export const dedicatedAccountAnswer = envelope(
  z.object({ account_number: z.string(), account_name: z.string(), bank: bank }).passthrough(),
);

/** GET /transaction: a page of transactions, newest first. */
export const transactionListAnswer = envelope(
  z.array(z.object({ status: z.string(), reference: z.string(), amount: z.number().int(), currency: z.string(), created_at: z.string().optional() }).passthrough()),
);

/** POST /customer/authorization/initialize: the page where the buyer consents to the mandate. */
export const mandateInitializeAnswer = envelope(z.object({ redirect_url: z.url(), access_code: z.string().optional(), reference: z.string() }).passthrough());

/** GET /customer/authorization/verify/{reference}: whether the mandate is in force. */
export const mandateVerifyAnswer = envelope(z.object({ authorization_code: z.string().nullish(), active: z.boolean().nullish() }).passthrough());

/** POST /transaction/charge_authorization: the debit, under way. */
export const chargeAuthorizationAnswer = envelope(z.object({ status: z.string(), reference: z.string() }).passthrough());

/** POST /refund: the refund Paystack queued (https://paystack.com/docs/payments/refunds/). */
export const refundAnswer = envelope(z.object({ id: z.union([z.number(), z.string()]), status: z.string(), amount: z.number().int() }).passthrough());

const refundRecord = z
  .object({ id: z.union([z.number(), z.string()]), status: z.string(), amount: z.number().int(), currency: z.string(), transaction_reference: z.string().nullish(), createdAt: z.string().optional() })
  .passthrough();

/** GET /refund/{id}: the refund as Paystack has it. */
export const refundFetchAnswer = envelope(refundRecord);

/** GET /refund: a page of refunds, newest first, with how many pages there are. */
export const refundListAnswer = envelope(z.array(refundRecord)).extend({
  meta: z.object({ pageCount: z.coerce.number().int().optional() }).passthrough().optional(),
});

export type PaystackRefund = z.output<typeof refundRecord>;

/**
 * A refund's status (https://paystack.com/docs/payments/refunds/#refund-statuses): `processed`
 * is money back with the customer; `failed` is none; pending, processing and needs-attention
 * still wait (needs-attention on the customer's account details, given in Paystack's dashboard).
 */
export function refundReadBackOf(r: PaystackRefund): RefundReadBack {
  const providerRef = String(r.id);
  if (r.status === "processed") return { state: "succeeded", providerRef };
  if (r.status === "failed") return { state: "failed", providerRef, failureMessage: "Paystack could not return the money." };
  return { state: "pending", providerRef };
}
