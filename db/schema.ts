import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { LOCALES } from "@/lib/i18n/locales";
import type { Currency } from "@/lib/money/currencies";
import type { NextAction, Rail } from "@/lib/rails";
import type { Customer, Installments, LineItem } from "./shapes";

// Every closed list of values is written once, here, as a column's enum: the API's zod enums
// are built from the columns' enumValues (lib/checkout/schemas.ts, lib/webhooks/schemas.ts,
// lib/events/types.ts). A text enum is a type only, not a CHECK constraint: no migration.

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
// Minor units up to 10^12 fit a JS number exactly; bigint keeps the column honest.
const money = (name: string) => bigint(name, { mode: "number" });

export type FeeRule = { bps: number; fixed: number; cap?: number | null };
export type FeeSchedule = Record<string, FeeRule>;

export const merchants = pgTable("merchants", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  logoUrl: text("logo_url"),
  brandColor: text("brand_color"),
  rails: text("rails").array().$type<Rail[]>().notNull(),
  feeSchedule: jsonb("fee_schedule").$type<FeeSchedule>().notNull().default({}),
  // A payment that succeeds on a session already paid (requiresRefund) is refunded in full at once (SPEC 9).
  autoRefundDuplicates: boolean("auto_refund_duplicates").notNull().default(true),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const apiKeys = pgTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    merchantId: text("merchant_id")
      .notNull()
      .references(() => merchants.id),
    livemode: boolean("livemode").notNull(),
    // Only the SHA-256 of the key is kept; the prefix lets an operator recognise it.
    hash: text("hash").notNull(),
    prefix: text("prefix").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    revokedAt: ts("revoked_at"),
  },
  (t) => [uniqueIndex("api_keys_hash_idx").on(t.hash), index("api_keys_merchant_idx").on(t.merchantId)],
);

export const checkoutSessions = pgTable(
  "checkout_sessions",
  {
    id: text("id").primaryKey(),
    merchantId: text("merchant_id")
      .notNull()
      .references(() => merchants.id),
    livemode: boolean("livemode").notNull(),
    status: text("status", {
      enum: ["open", "pending", "paid", "failed", "expired", "canceled"],
    }).notNull(),
    amount: money("amount").notNull(),
    currency: text("currency").$type<Currency>().notNull(),
    lineItems: jsonb("line_items").$type<LineItem[]>(),
    description: text("description"),
    customer: jsonb("customer").$type<Customer>(),
    customerEmail: text("customer_email"),
    paymentMethods: text("payment_methods").array().$type<Rail[]>().notNull(),
    preferredPaymentMethod: text("preferred_payment_method").$type<Rail>(),
    uiMode: text("ui_mode", { enum: ["hosted", "embedded"] }).notNull(),
    successUrl: text("success_url").notNull(),
    cancelUrl: text("cancel_url"),
    allowedOrigins: text("allowed_origins").array().notNull(),
    metadata: jsonb("metadata").$type<Record<string, string>>().notNull(),
    clientReferenceId: text("client_reference_id"),
    // `auto`: the buyer's Accept-Language picks one of LOCALES when the page is shown; else a
    // BCP 47 tag as the merchant gave it (canonical case), whose language is one of LOCALES.
    locale: text("locale").notNull(),
    installments: jsonb("installments").$type<Installments>(),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    // A short lease taken while one payment attempt talks to the provider, so that two
    // concurrent attempts can never both charge the buyer.
    attemptLockedUntil: ts("attempt_locked_until"),
    expiresAt: ts("expires_at").notNull(),
    createdAt: ts("created_at").notNull(),
    paidAt: ts("paid_at"),
    // customerDetails (SPEC 9): what the buyer gave on the attempt that paid or is paying,
    // written with its payment; the email lowercased, the phone in E.164.
    buyerEmail: text("buyer_email"),
    buyerName: text("buyer_name"),
    buyerPhone: text("buyer_phone"),
    // The language the buyer's page spoke when they paid (a `locale: "auto"` session's mail
    // speaks it too).
    buyerLocale: text("buyer_locale", { enum: LOCALES }),
  },
  (t) => [
    // Lists read newest first (`ORDER BY created_at DESC, id DESC`, whose nulls come first):
    // an ascending index read backwards gives that order; one built DESC (NULLS LAST) does not,
    // and every list sorted all of a merchant's rows (db/queries/list-plans.test.ts).
    index("checkout_sessions_list_idx").on(t.merchantId, t.livemode, t.createdAt, t.id),
    index("checkout_sessions_expiry_idx").on(t.expiresAt).where(sql`status in ('open', 'pending')`),
    index("checkout_sessions_ref_idx").on(t.merchantId, t.livemode, t.clientReferenceId),
    index("checkout_sessions_email_idx").on(t.merchantId, t.livemode, t.customerEmail),
    index("checkout_sessions_buyer_email_idx").on(t.merchantId, t.livemode, t.buyerEmail),
    index("checkout_sessions_buyer_phone_idx").on(t.merchantId, t.livemode, t.buyerPhone),
  ],
);

/** The processors Kassa has an adapter for; the sandbox is built in and has no accounts. */
export const PROVIDERS = ["sandbox", "paystack", "stripe", "pawapay"] as const;

/** A merchant's credentials at one processor, in one mode (SPEC 8). */
export const providerAccounts = pgTable(
  "provider_accounts",
  {
    id: text("id").primaryKey(),
    merchantId: text("merchant_id")
      .notNull()
      .references(() => merchants.id),
    livemode: boolean("livemode").notNull(),
    provider: text("provider", { enum: PROVIDERS }).notNull(),
    rails: text("rails").array().$type<Rail[]>().notNull(),
    currencies: text("currencies").array().$type<Currency[]>().notNull(),
    status: text("status", { enum: ["active", "disabled"] }).notNull(),
    credentialsHint: text("credentials_hint").notNull(),
    // AES-256-GCM of the credentials' JSON under a key derived from KASSA_SECRET; the key id
    // names which secret, so that one can be rotated. Never returned, never logged.
    credentials: text("credentials").notNull(),
    keyId: text("key_id").notNull(),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
    // A disconnected account routes nothing, but its pending payments are still read back.
    deletedAt: ts("deleted_at"),
  },
  (t) => [index("provider_accounts_merchant_idx").on(t.merchantId, t.livemode, t.createdAt, t.id)],
);

/** Each processor notification once: a repeat changes nothing. */
export const providerEvents = pgTable(
  "provider_events",
  {
    accountId: text("account_id")
      .notNull()
      .references(() => providerAccounts.id),
    eventId: text("event_id").notNull(),
    paymentId: text("payment_id"),
    receivedAt: ts("received_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.eventId] })],
);

export const payments = pgTable(
  "payments",
  {
    id: text("id").primaryKey(),
    sessionId: text("session_id")
      .notNull()
      .references(() => checkoutSessions.id),
    merchantId: text("merchant_id")
      .notNull()
      .references(() => merchants.id),
    livemode: boolean("livemode").notNull(),
    rail: text("rail").$type<Rail>().notNull(),
    status: text("status", {
      enum: ["pending", "requires_action", "succeeded", "failed", "canceled"],
    }).notNull(),
    amount: money("amount").notNull(),
    currency: text("currency").$type<Currency>().notNull(),
    fee: money("fee").notNull(),
    netAmount: money("net_amount").notNull(),
    installments: integer("installments"),
    failureCode: text("failure_code"),
    failureMessage: text("failure_message"),
    nextAction: jsonb("next_action").$type<NextAction>(),
    // What the rail produced: which shape goes with which rail is lib/checkout's (railDetails,
    // and railAndDetails in serialize.ts, which reads a row's pair as one variant).
    details: jsonb("details").$type<Record<string, unknown>>().notNull(),
    requiresRefund: boolean("requires_refund").notNull().default(false),
    // Provider-side state the buyer never sees (e.g. a keyed card fingerprint).
    providerData: jsonb("provider_data").$type<Record<string, unknown>>().notNull().default({}),
    // Who took it: the sandbox (no account) or a merchant's provider account.
    provider: text("provider", { enum: PROVIDERS }).notNull().default("sandbox"),
    providerAccountId: text("provider_account_id").references(() => providerAccounts.id),
    // The processor's reference for it: Kassa's own id in the processor's alphabet, or (a
    // transfer into a dedicated account) the processor's; one payment per reference per account.
    providerRef: text("provider_ref"),
    // When reconciliation next asks the processor about it (null: never, e.g. the sandbox).
    reconcileAt: ts("reconcile_at"),
    reconcileAttempts: integer("reconcile_attempts").notNull().default(0),
    expiresAt: ts("expires_at"),
    createdAt: ts("created_at").notNull(),
    paidAt: ts("paid_at"),
    // What its refunds hold back, pending or succeeded (a failed one gives its amount back):
    // never above `amount`, which one conditional update keeps (db/queries/refunds.ts).
    refundedAmount: money("refunded_amount").notNull().default(0),
  },
  (t) => [
    index("payments_session_idx").on(t.sessionId, t.createdAt),
    index("payments_merchant_idx").on(t.merchantId, t.livemode, t.createdAt),
    uniqueIndex("payments_provider_ref_idx").on(t.providerAccountId, t.providerRef),
    // A canceled payment is still asked about until its schedule ends: money may arrive anyway.
    index("payments_reconcile_idx").on(t.reconcileAt).where(sql`reconcile_at is not null`),
  ],
);

/** Money back from a succeeded payment (SPEC 9), scoped like its payment. */
export const refunds = pgTable(
  "refunds",
  {
    id: text("id").primaryKey(),
    merchantId: text("merchant_id")
      .notNull()
      .references(() => merchants.id),
    livemode: boolean("livemode").notNull(),
    paymentId: text("payment_id")
      .notNull()
      .references(() => payments.id),
    amount: money("amount").notNull(),
    currency: text("currency").$type<Currency>().notNull(),
    status: text("status", { enum: ["pending", "succeeded", "failed"] }).notNull(),
    reason: text("reason", { enum: ["requested_by_customer", "duplicate", "fraudulent"] }),
    failureMessage: text("failure_message"),
    metadata: jsonb("metadata").$type<Record<string, string>>().notNull(),
    // The processor's id for it, once the processor has answered (null: the sandbox, or not yet).
    providerRef: text("provider_ref"),
    // When reconciliation next asks the processor about it (null: never, or settled).
    reconcileAt: ts("reconcile_at"),
    reconcileAttempts: integer("reconcile_attempts").notNull().default(0),
    createdAt: ts("created_at").notNull(),
    settledAt: ts("settled_at"),
  },
  (t) => [
    index("refunds_list_idx").on(t.merchantId, t.livemode, t.createdAt, t.id),
    index("refunds_payment_idx").on(t.paymentId, t.createdAt, t.id),
    index("refunds_reconcile_idx").on(t.reconcileAt).where(sql`reconcile_at is not null`),
  ],
);

// The event types of SPEC 5, in the order a session's life produces them.
const EVENT_TYPES = [
  "checkout.session.created",
  "checkout.session.pending",
  "checkout.session.paid",
  "checkout.session.failed",
  "checkout.session.expired",
  "checkout.session.canceled",
  "payment.pending",
  "payment.succeeded",
  "payment.failed",
  "refund.created",
  "refund.succeeded",
  "refund.failed",
] as const;

export const events = pgTable(
  "events",
  {
    id: text("id").primaryKey(),
    merchantId: text("merchant_id")
      .notNull()
      .references(() => merchants.id),
    livemode: boolean("livemode").notNull(),
    type: text("type", { enum: EVENT_TYPES }).notNull(),
    data: jsonb("data").$type<{ object: Record<string, unknown> }>().notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    index("events_list_idx").on(t.merchantId, t.livemode, t.createdAt, t.id),
    index("events_created_idx").on(t.createdAt),
  ],
);

export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    merchantId: text("merchant_id")
      .notNull()
      .references(() => merchants.id),
    livemode: boolean("livemode").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    // running until the first request finishes; then its response is kept verbatim.
    state: text("state", { enum: ["running", "done"] }).notNull(),
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    lockedUntil: ts("locked_until").notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.livemode, t.key] }),
    index("idempotency_keys_created_idx").on(t.createdAt),
  ],
);

/** NGN virtual accounts: one per customer email, reused across that customer's sessions. */
export const virtualAccounts = pgTable(
  "virtual_accounts",
  {
    merchantId: text("merchant_id")
      .notNull()
      .references(() => merchants.id),
    livemode: boolean("livemode").notNull(),
    customerEmail: text("customer_email").notNull(),
    // Who issued it: `sandbox`, or the provider account (pa_…) whose processor holds it.
    issuer: text("issuer").notNull().default("sandbox"),
    bankId: text("bank_id").notNull(),
    bankName: text("bank_name").notNull(),
    accountNumber: text("account_number").notNull(),
    accountName: text("account_name").notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.livemode, t.customerEmail, t.issuer] })],
);

export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    merchantId: text("merchant_id")
      .notNull()
      .references(() => merchants.id),
    livemode: boolean("livemode").notNull(),
    url: text("url").notNull(),
    // The types the endpoint hears, or `*` alone for every one.
    events: text("events", { enum: ["*", ...EVENT_TYPES] }).array().notNull(),
    description: text("description"),
    status: text("status", { enum: ["enabled", "disabled"] }).notNull(),
    disabledReason: text("disabled_reason"),
    // The signing secret has to be kept to sign; it is never logged nor returned after creation.
    secret: text("secret").notNull(),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
    deletedAt: ts("deleted_at"),
  },
  (t) => [index("webhook_endpoints_merchant_idx").on(t.merchantId, t.livemode, t.createdAt, t.id)],
);

/** The outbox: one row per (event, endpoint), written in the event's transaction. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id),
    merchantId: text("merchant_id").notNull(),
    livemode: boolean("livemode").notNull(),
    status: text("status", { enum: ["pending", "succeeded", "failed"] }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at").notNull(),
    lockedUntil: ts("locked_until"),
    lastAttemptAt: ts("last_attempt_at"),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt, t.id),
    index("webhook_deliveries_event_idx").on(t.eventId),
  ],
);

export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: text("id").primaryKey(),
    deliveryId: text("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id),
    attemptedAt: ts("attempted_at").notNull(),
    responseStatus: integer("response_status"),
    durationMs: integer("duration_ms").notNull(),
    responseBody: text("response_body"),
    error: text("error"),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.deliveryId, t.attemptedAt)],
);

/**
 * The mail outbox (SPEC 9): a receipt or a pending payment's instructions for the buyer, written
 * in the statement of the event that causes it and sent by the mail worker. One per subject
 * (a session's receipt, a payment's instructions), so that nothing is ever mailed twice.
 */
export const mailMessages = pgTable(
  "mail_messages",
  {
    id: text("id").primaryKey(),
    merchantId: text("merchant_id")
      .notNull()
      .references(() => merchants.id),
    livemode: boolean("livemode").notNull(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id),
    kind: text("kind", { enum: ["receipt", "instructions"] }).notNull(),
    // What the message is about: the session (its receipt) or the payment (its instructions).
    subjectId: text("subject_id").notNull(),
    sessionId: text("session_id").notNull(),
    paymentId: text("payment_id"),
    recipient: text("recipient").notNull(),
    // skipped: no longer true when its turn came (instructions for a payment settled meanwhile).
    status: text("status", { enum: ["pending", "sent", "failed", "skipped"] }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at").notNull(),
    lockedUntil: ts("locked_until"),
    // The SMTP server's last answer or the transport's error (never the message itself).
    lastError: text("last_error"),
    sentAt: ts("sent_at"),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("mail_messages_subject_idx").on(t.kind, t.subjectId),
    index("mail_messages_due_idx").on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index("mail_messages_session_idx").on(t.sessionId),
  ],
);
