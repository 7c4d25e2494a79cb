// The emulator's state (in memory, one integration per secret key, as at Paystack) and the
// shapes Paystack answers with. The document gives each endpoint its own transaction shape
// (the same field is a string in one, nullable in another, metadata an object here and a
// string there), so each endpoint has its own function below, checked against its schema by
// e2e/api/paystack-emulator.test.ts.
import crypto from "node:crypto";
import type { Channel, TransactionStatus, TransactionView } from "./control";
import { nuban } from "./nuban";

export type Domain = "test" | "live";

export type Bank = { name: string; id: number; slug: string; /** CBN code the NUBAN check digit uses. */ code: string };

// The emulator's bank ids; the slugs and names are the ones Paystack's docs show.
export const BANKS: Record<string, Bank> = {
  "test-bank": { name: "Test Bank", id: 24, slug: "test-bank", code: "035" },
  "wema-bank": { name: "Wema Bank", id: 20, slug: "wema-bank", code: "035" },
  "titan-paystack": { name: "Paystack-Titan", id: 67, slug: "titan-paystack", code: "102" },
};

export const USSD_BANKS: Record<string, string> = {
  "737": "Guaranty Trust Bank",
  "919": "United Bank of Africa",
  "822": "Sterling Bank",
  "966": "Zenith Bank",
};

export type Customer = {
  id: number;
  code: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type Authorization = {
  authorization_code: string;
  bin: string;
  last4: string;
  exp_month: string;
  exp_year: string;
  channel: string;
  card_type: string;
  bank: string;
  country_code: string;
  brand: string;
  reusable: boolean;
  signature: string;
  account_name: string | null;
  receiver_bank_account_number: string | null;
  receiver_bank: string | null;
  /** Channel-specific fields Paystack adds (sender_bank, narration…). */
  extra?: Record<string, string>;
};

export type DedicatedAccount = {
  id: number;
  accountNumber: string;
  accountName: string;
  bank: Bank;
  customer: Customer;
  createdAt: Date;
};

export type Mandate = {
  reference: string;
  accessCode: string;
  customer: Customer;
  callbackUrl: string | null;
  status: "pending" | "active" | "declined";
  authorization: Authorization;
  createdAt: Date;
};

export type Refund = { id: number; amount: number; status: "pending" | "processed" | "failed"; createdAt: Date; refundedAt: Date | null };

export type Transaction = {
  refunds?: Refund[];
  id: number;
  integration: Integration;
  reference: string;
  accessCode: string | null;
  amount: number;
  requestedAmount: number;
  currency: string;
  customer: Customer;
  status: TransactionStatus;
  channel: Channel;
  gatewayResponse: string;
  paidAt: Date | null;
  createdAt: Date;
  callbackUrl: string | null;
  metadata: unknown;
  transfer?: { accountNumber: string; accountName: string; bank: Bank; expiresAt: string };
  ussd?: { type: string; code: string };
  dedicated?: DedicatedAccount;
  authorization: Authorization | null;
  lastWebhook?: { event: string; body: string };
};

export type Integration = {
  id: number;
  key: string;
  domain: Domain;
  webhookUrl: string | null;
  businessName: string;
  transactions: Map<string, Transaction>;
  customers: Map<string, Customer>;
  dedicatedAccounts: Map<string, DedicatedAccount>;
  mandates: Map<string, Mandate>;
  authorizations: Map<string, Authorization & { customer: Customer; mandate: Mandate | null }>;
};

const ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
export function randomCode(length: number, alphabet = ALNUM): string {
  const bytes = crypto.randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}
export const randomDigits = (length: number) => randomCode(length, "0123456789");

let nextId = 4_100_000_000 + crypto.randomInt(1_000_000);
export const newId = () => nextId++;

export function fees(amount: number): number {
  // Paystack's local pricing: 1.5% + ₦100 (waived under ₦2,500), capped at ₦2,000; kobo.
  return Math.min(Math.round(amount * 0.015) + (amount >= 250_000 ? 10_000 : 0), 200_000);
}

export function newAccountNumber(bank: Bank): string {
  return nuban(bank.code, randomDigits(9));
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function isSettled(t: Transaction): boolean {
  return t.status === "success" || t.status === "failed" || t.status === "reversed";
}

/** The word /charge and /charge/{reference} use while the customer still has to act. */
function chargeStatus(t: Transaction): string {
  if (isSettled(t)) return t.status;
  if (t.transfer) return "pending_bank_transfer";
  if (t.ussd) return "pay_offline";
  return t.status;
}

function emptyAuthorization(channel: string): Authorization {
  return {
    authorization_code: "",
    bin: "",
    last4: "",
    exp_month: "",
    exp_year: "",
    channel,
    card_type: "",
    bank: "",
    country_code: "NG",
    brand: "",
    reusable: false,
    signature: "",
    account_name: null,
    receiver_bank_account_number: null,
    receiver_bank: null,
  };
}

const authorizationOf = (t: Transaction) => {
  const a = t.authorization ?? emptyAuthorization(t.channel);
  const { extra, ...rest } = a;
  return { ...rest, ...extra };
};

/** The customer where the document lets names and phone be null. */
function customerNullable(c: Customer) {
  return {
    id: c.id,
    first_name: c.firstName,
    last_name: c.lastName,
    email: c.email,
    customer_code: c.code,
    phone: c.phone,
    metadata: null,
    risk_action: "default",
    international_format_phone: c.phone,
  };
}

/** The customer where the document types names and phone as plain strings. */
function customerStrings(c: Customer) {
  return {
    id: c.id,
    first_name: c.firstName ?? "",
    last_name: c.lastName ?? "",
    email: c.email,
    customer_code: c.code,
    phone: c.phone ?? "",
    metadata: {},
    risk_action: "default",
    international_format_phone: c.phone ?? "",
  };
}

function instructions(t: Transaction) {
  if (t.transfer) {
    return {
      display_text: "Please make a transfer to the account specified",
      account_name: t.transfer.accountName,
      account_number: t.transfer.accountNumber,
      bank: { slug: t.transfer.bank.slug, name: t.transfer.bank.name, id: t.transfer.bank.id },
      account_expires_at: t.transfer.expiresAt,
    };
  }
  if (t.ussd) {
    return { display_text: "Please dial the code below on your mobile phone to complete the transaction", ussd_code: t.ussd.code };
  }
  return {};
}

const feesOf = (t: Transaction) => (t.status === "success" ? fees(t.amount) : null);

/** GET /transaction/verify/{reference} (VerifyResponse) and the webhook's data. */
export function verifyData(t: Transaction) {
  return {
    id: t.id,
    domain: t.integration.domain,
    status: t.status,
    reference: t.reference,
    receipt_number: null,
    amount: t.amount,
    message: null,
    gateway_response: t.gatewayResponse,
    paid_at: iso(t.paidAt),
    created_at: t.createdAt.toISOString(),
    channel: t.channel,
    currency: t.currency,
    ip_address: "",
    metadata: t.metadata ?? "",
    log: null,
    fees: feesOf(t),
    fees_split: null,
    authorization: authorizationOf(t),
    customer: customerNullable(t.customer),
    plan: null,
    split: {},
    order_id: null,
    paidAt: iso(t.paidAt),
    createdAt: t.createdAt.toISOString(),
    requested_amount: t.requestedAmount,
    pos_transaction_data: null,
    source: null,
    fees_breakdown: null,
    connect: null,
    transaction_date: t.createdAt.toISOString(),
    plan_object: {},
    subaccount: {},
  };
}

/** POST /refund (RefundCreateResponse): the refund, with the transaction it returns money from. */
export function refundData(t: Transaction, r: Refund) {
  const tx = verifyData(t);
  return {
    transaction: {
      id: tx.id, domain: tx.domain, reference: tx.reference, amount: tx.amount, paid_at: tx.paid_at ?? "", channel: tx.channel,
      currency: tx.currency, authorization: tx.authorization, customer: tx.customer, plan: {}, subaccount: { currency: null }, split: {},
      order_id: null, paidAt: tx.paidAt ?? "", pos_transaction_data: null, source: null, fees_breakdown: null,
    },
    integration: t.integration.id,
    deducted_amount: 0,
    channel: null,
    merchant_note: "",
    customer_note: "",
    status: r.status,
    refunded_by: "kassa",
    expected_at: new Date(r.createdAt.getTime() + 3 * 24 * 3600_000).toISOString(),
    currency: t.currency,
    domain: t.integration.domain,
    amount: r.amount,
    fully_deducted: false,
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.createdAt.toISOString(),
  };
}

/** GET /refund/{id} (RefundFetchResponse) and each item of GET /refund (RefundListResponseArray). */
export function refundRecordData(t: Transaction, r: Refund) {
  const c = t.customer;
  return {
    integration: t.integration.id,
    transaction: t.id,
    dispute: null,
    settlement: null,
    id: r.id,
    domain: t.integration.domain,
    currency: t.currency,
    amount: r.amount,
    status: r.status,
    refunded_at: iso(r.refundedAt),
    refunded_by: "kassa",
    customer_note: "",
    merchant_note: "",
    deducted_amount: 0,
    fully_deducted: 0,
    createdAt: r.createdAt.toISOString(),
    bank_reference: null,
    transaction_reference: t.reference,
    reason: "",
    // The refund's document types the customer's metadata as a string, and leaves the international phone empty.
    customer: { ...customerStrings(c), metadata: "", international_format_phone: "" },
    refund_type: r.amount === t.amount ? "full" : "partial",
    transaction_amount: t.amount,
    initiated_by: "kassa",
    refund_channel: t.channel,
    session_id: null,
    collect_account_number: false,
  };
}

/** The body of a refund.* webhook, as Paystack's docs show it: the transaction it is for, no refund id. */
export function refundWebhookData(t: Transaction, r: Refund) {
  return {
    status: r.status,
    transaction_reference: t.reference,
    refund_reference: r.status === "processed" ? String(r.id).padStart(12, "0") : null,
    amount: r.amount,
    currency: t.currency,
    processor: "emulator",
    customer: { first_name: t.customer.firstName ?? "", last_name: t.customer.lastName ?? "", email: t.customer.email },
    integration: t.integration.id,
    domain: t.integration.domain,
  };
}

/** POST /charge (ChargeCreateResponse): the document's card-charge shape, plus the instructions. */
export function chargeCreateData(t: Transaction) {
  return {
    id: t.id,
    domain: t.integration.domain,
    status: chargeStatus(t),
    reference: t.reference,
    receipt_number: null,
    amount: t.amount,
    message: null,
    gateway_response: t.gatewayResponse,
    paid_at: iso(t.paidAt) ?? "",
    created_at: t.createdAt.toISOString(),
    channel: t.channel,
    currency: t.currency,
    ip_address: "",
    metadata: { custom_fields: [], ...(typeof t.metadata === "object" && t.metadata !== null ? t.metadata : {}) },
    log: null,
    fees: feesOf(t) ?? 0,
    fees_split: null,
    authorization: authorizationOf(t),
    customer: customerStrings(t.customer),
    plan: null,
    split: {},
    order_id: null,
    paidAt: iso(t.paidAt) ?? "",
    createdAt: t.createdAt.toISOString(),
    requested_amount: t.requestedAmount,
    pos_transaction_data: null,
    source: null,
    fees_breakdown: null,
    connect: null,
    transaction_date: t.createdAt.toISOString(),
    plan_object: {},
    subaccount: {},
    ...instructions(t),
  };
}

/** GET /charge/{reference} (ChargeCheckPendingResponse). */
export function chargeCheckData(t: Transaction) {
  return {
    status: chargeStatus(t),
    amount: t.amount,
    currency: t.currency,
    transaction_date: t.createdAt.toISOString(),
    reference: t.reference,
    domain: t.integration.domain,
    redirect_url: null,
    metadata: typeof t.metadata === "object" && t.metadata !== null ? t.metadata : {},
    gateway_response: t.gatewayResponse,
    message: null,
    channel: t.channel,
    fees: feesOf(t),
    authorization: authorizationOf(t),
    customer: {
      first_name: t.customer.firstName,
      last_name: t.customer.lastName,
      email: t.customer.email,
      customer_code: t.customer.code,
      phone: t.customer.phone,
      risk_action: "default",
    },
    ...instructions(t),
  };
}

/** GET /transaction (TransactionListResponseArray). */
export function listItem(t: Transaction) {
  return {
    id: t.id,
    domain: t.integration.domain,
    status: t.status,
    reference: t.reference,
    amount: t.amount,
    message: null,
    gateway_response: t.gatewayResponse,
    paid_at: iso(t.paidAt),
    created_at: t.createdAt.toISOString(),
    channel: t.channel,
    currency: t.currency,
    ip_address: null,
    metadata: typeof t.metadata === "object" && t.metadata !== null ? t.metadata : null,
    log: null,
    fees: feesOf(t),
    fees_split: null,
    customer: customerNullable(t.customer),
    authorization: authorizationOf(t),
    plan: {},
    split: {},
    subaccount: {},
    order_id: null,
    paidAt: iso(t.paidAt) ?? "",
    createdAt: t.createdAt.toISOString(),
    requested_amount: t.requestedAmount,
    source: null,
    connect: null,
    pos_transaction_data: null,
  };
}

/** POST /transaction/charge_authorization (ChargeAuthorizationResponse). */
export function chargeAuthorizationData(t: Transaction) {
  return {
    amount: t.amount,
    currency: t.currency,
    transaction_date: t.createdAt.toISOString(),
    status: t.status,
    reference: t.reference,
    domain: t.integration.domain,
    metadata: t.metadata === undefined ? "" : typeof t.metadata === "string" ? t.metadata : JSON.stringify(t.metadata),
    gateway_response: t.gatewayResponse,
    message: null,
    channel: t.channel,
    ip_address: null,
    log: null,
    fees: feesOf(t),
    authorization: authorizationOf(t),
    customer: customerNullable(t.customer),
    plan: null,
    id: t.id,
  };
}

/** POST /customer (CustomerCreateResponse). */
export function customerData(integration: Integration, c: Customer) {
  return {
    transactions: [],
    subscriptions: [],
    authorizations: [],
    email: c.email,
    first_name: c.firstName ?? "",
    last_name: c.lastName ?? "",
    phone: c.phone ?? "",
    integration: integration.id,
    domain: integration.domain,
    metadata: {},
    customer_code: c.code,
    risk_action: "default",
    id: c.id,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    identified: false,
    identifications: null,
  };
}

/** POST /dedicated_account (DedicatedNubanCreateResponse). */
export function dedicatedAccountData(integration: Integration, d: DedicatedAccount) {
  return {
    bank: { name: d.bank.name, id: d.bank.id, slug: d.bank.slug },
    account_name: d.accountName,
    account_number: d.accountNumber,
    assigned: true,
    currency: "NGN",
    metadata: null,
    active: true,
    id: d.id,
    created_at: d.createdAt.toISOString(),
    updated_at: d.createdAt.toISOString(),
    assignment: {
      integration: integration.id,
      assignee_id: d.customer.id,
      assignee_type: "Customer",
      expired: false,
      account_type: "PAY-WITH-TRANSFER-RECURRING",
      assigned_at: d.createdAt.toISOString(),
      expired_at: null,
    },
    customer: customerStrings(d.customer),
  };
}

/** GET /customer/authorization/verify/{reference} (CustomerAuthorizationVerifyResponse). */
export function mandateData(m: Mandate) {
  return {
    authorization_code: m.authorization.authorization_code,
    channel: "direct_debit",
    bank: m.authorization.bank,
    active: m.status === "active",
    customer: { code: m.customer.code, email: m.customer.email },
  };
}

export function view(t: Transaction): TransactionView {
  return {
    id: t.id,
    reference: t.reference,
    domain: t.integration.domain,
    status: t.status,
    channel: t.channel,
    amount: t.amount,
    requestedAmount: t.requestedAmount,
    currency: t.currency,
    email: t.customer.email,
    customerCode: t.customer.code,
    accessCode: t.accessCode,
    callbackUrl: t.callbackUrl,
    gatewayResponse: t.gatewayResponse,
    paidAt: iso(t.paidAt),
    createdAt: t.createdAt.toISOString(),
    accountNumber: t.transfer?.accountNumber ?? t.dedicated?.accountNumber ?? null,
    ussdCode: t.ussd?.code ?? null,
    authorizationCode: t.authorization?.authorization_code || null,
  };
}
