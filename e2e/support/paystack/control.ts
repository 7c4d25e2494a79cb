// The emulator's control API (under /__emulator/): the one source of its shapes. The server
// parses what it receives with these schemas; the client in index.ts takes its types from them.
import { z } from "zod";

export const CONTROL_PREFIX = "/__emulator";

export const registerKeyBody = z.object({
  secretKey: z.string().regex(/^sk_(test|live)_\w+$/, "a secret key starts sk_test_ or sk_live_"),
  webhookUrl: z.url().optional(),
  /** The business name Paystack puts before the customer's name on a dedicated account. */
  businessName: z.string().min(1).optional(),
});

export const outcome = z.enum(["success", "failed"]);

export const settleBody = z.object({
  outcome,
  /** The amount that actually arrived, to fake a customer who paid the wrong sum. */
  amount: z.int().positive().optional(),
  webhook: z.boolean().default(true),
  gatewayResponse: z.string().min(1).optional(),
});

export const payDedicatedAccountBody = z.object({
  amount: z.int().positive(),
  webhook: z.boolean().default(true),
  senderName: z.string().min(1).optional(),
});

export const settleRefundBody = z.object({
  outcome: z.enum(["processed", "failed"]),
  webhook: z.boolean().default(true),
});

/** A refund made elsewhere (the merchant's Paystack dashboard): processed at once, no webhook. */
export const outsideRefundBody = z.object({ amount: z.int().positive() });

export const faultMode = z.enum([
  "500",
  "401",
  "hang",
  // The request takes effect, then the answer is lost: the case a retry must not double.
  "500_after",
  "hang_after",
]);

export const faultBody = z.object({
  /** A regular expression tested against the request's path (no query string). */
  path: z.string().min(1),
  method: z.string().toUpperCase().optional(),
  mode: faultMode,
  /** How many matching requests fail; until cleared when absent. */
  times: z.int().positive().optional(),
});

export const latencyBody = z.object({ ms: z.int().min(0).max(120_000) });

export const transactionStatus = z.enum(["abandoned", "ongoing", "pending", "processing", "success", "failed", "reversed"]);
export const channel = z.enum(["card", "bank_transfer", "ussd", "dedicated_nuban", "direct_debit"]);

/** What the control API says of a transaction (the emulator's own view, not Paystack's shape). */
export const transactionView = z.object({
  id: z.int(),
  reference: z.string(),
  domain: z.enum(["test", "live"]),
  status: transactionStatus,
  channel,
  amount: z.int(),
  requestedAmount: z.int(),
  currency: z.string(),
  email: z.string(),
  customerCode: z.string(),
  accessCode: z.string().nullable(),
  callbackUrl: z.string().nullable(),
  gatewayResponse: z.string(),
  paidAt: z.string().nullable(),
  createdAt: z.string(),
  /** Pay with Transfer: the account to pay into; dedicated account payments: the account paid. */
  accountNumber: z.string().nullable(),
  ussdCode: z.string().nullable(),
  authorizationCode: z.string().nullable(),
});

export const recordedRequest = z.object({
  method: z.string(),
  path: z.string(),
  query: z.record(z.string(), z.string()),
  body: z.unknown(),
  at: z.string(),
  /** The status answered; null while unanswered (or never, for a hang). */
  status: z.int().nullable(),
  fault: faultMode.nullable(),
  /** The key's last four characters, never the key. */
  keyHint: z.string().nullable(),
});

export const violation = z.object({
  at: z.string(),
  method: z.string(),
  path: z.string(),
  /** request: the caller broke the document; response: the emulator did (a bug here). */
  kind: z.enum(["request", "response", "unknown_operation"]),
  problems: z.array(z.string()),
});

export const webhookDelivery = z.object({
  event: z.string(),
  reference: z.string(),
  url: z.string(),
  at: z.string(),
  /** The status the receiver answered; null for no answer (network error or timeout). */
  status: z.int().nullable(),
  error: z.string().nullable(),
  replay: z.boolean(),
  body: z.string(),
  signature: z.string(),
});

export type RegisterKey = z.input<typeof registerKeyBody>;
export type Settle = z.input<typeof settleBody>;
export type PayDedicatedAccount = z.input<typeof payDedicatedAccountBody>;
export type SettleRefund = z.input<typeof settleRefundBody>;
export type Fault = z.input<typeof faultBody>;
export type FaultMode = z.infer<typeof faultMode>;
export type TransactionStatus = z.infer<typeof transactionStatus>;
export type Channel = z.infer<typeof channel>;
export type TransactionView = z.infer<typeof transactionView>;
export type RecordedRequest = z.infer<typeof recordedRequest>;
export type Violation = z.infer<typeof violation>;
export type WebhookDelivery = z.infer<typeof webhookDelivery>;
