// A Paystack emulator for Kassa's tests: a real HTTP server in its own process that answers as
// Paystack's API does by its OpenAPI document (contract.ts) and public docs, with stand-ins for
// the hosted pages and a control API under /__emulator/ (control.ts; client: index.ts).
//   node --import tsx e2e/support/paystack/server.ts --port 0 [--latency MS]
// prints {"url":"http://127.0.0.1:PORT"} once listening.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { loadContract, type Operation } from "./contract";
import {
  CONTROL_PREFIX,
  faultBody,
  latencyBody,
  outsideRefundBody,
  payDedicatedAccountBody,
  settleRefundBody,
  registerKeyBody,
  settleBody,
  type FaultMode,
  type RecordedRequest,
  type Violation,
  type WebhookDelivery,
} from "./control";
import {
  BANKS,
  USSD_BANKS,
  chargeAuthorizationData,
  chargeCheckData,
  chargeCreateData,
  customerData,
  dedicatedAccountData,
  refundData,
  refundRecordData,
  refundWebhookData,
  fees,
  isSettled,
  listItem,
  mandateData,
  newAccountNumber,
  newId,
  randomCode,
  randomDigits,
  verifyData,
  view,
  type Authorization,
  type Bank,
  type Customer,
  type DedicatedAccount,
  type Integration,
  type Mandate,
  type Refund,
  type Transaction,
} from "./model";
import { donePage, mandatePage, notFoundPage, payPage } from "./pages";

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

const contract = loadContract();
const WEBHOOK_TIMEOUT_MS = 10_000;
// The benchmark sends thousands of requests: keep the latest, not all.
const MAX_RECORDS = 20_000;

type Fault = { path: RegExp; method?: string; mode: FaultMode; remaining: number };

const state = {
  integrations: new Map<string, Integration>(),
  byAccessCode: new Map<string, Transaction>(),
  mandatesByCode: new Map<string, { integration: Integration; mandate: Mandate }>(),
  dedicatedByNumber: new Map<string, { integration: Integration; account: DedicatedAccount }>(),
  requests: [] as RecordedRequest[],
  violations: [] as Violation[],
  webhooks: [] as WebhookDelivery[],
  faults: [] as Fault[],
  latencyMs: Number(arg("latency") ?? 0),
};
const hanging = new Set<http.ServerResponse>();
let baseUrl = "";

function reset() {
  state.integrations.clear();
  state.byAccessCode.clear();
  state.mandatesByCode.clear();
  state.dedicatedByNumber.clear();
  state.requests = [];
  state.violations = [];
  state.webhooks = [];
  state.faults = [];
  state.latencyMs = 0;
}

const push = <T>(list: T[], item: T) => {
  list.push(item);
  if (list.length > MAX_RECORDS) list.splice(0, list.length - MAX_RECORDS);
};

class Answer {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}
const fail = (status: number, message: string) => new Answer(status, { status: false, message });

// ---------------------------------------------------------------------------------------------
// Paystack's behaviour

function customerFor(integration: Integration, email: string, names: { first_name?: string; last_name?: string; phone?: string } = {}): Customer {
  const key = email.toLowerCase();
  let c = integration.customers.get(key);
  const now = new Date();
  if (!c) {
    c = { id: newId(), code: `CUS_${randomCode(15)}`, email, firstName: null, lastName: null, phone: null, createdAt: now, updatedAt: now };
    integration.customers.set(key, c);
  }
  if (names.first_name !== undefined || names.last_name !== undefined || names.phone !== undefined) {
    c.firstName = names.first_name ?? c.firstName;
    c.lastName = names.last_name ?? c.lastName;
    c.phone = names.phone ?? c.phone;
    c.updatedAt = now;
  }
  return c;
}

function newTransaction(integration: Integration, init: Omit<Transaction, "id" | "integration" | "createdAt" | "paidAt" | "authorization" | "requestedAmount"> & { authorization?: Authorization | null }): Transaction {
  const t: Transaction = { id: newId(), integration, createdAt: new Date(), paidAt: null, requestedAmount: init.amount, ...init, authorization: init.authorization ?? null };
  integration.transactions.set(t.reference, t);
  if (t.accessCode) state.byAccessCode.set(t.accessCode, t);
  return t;
}

function defaultBank(integration: Integration, purpose: "transfer" | "dedicated"): Bank {
  if (integration.domain === "test") return BANKS["test-bank"]!;
  return purpose === "transfer" ? BANKS["titan-paystack"]! : BANKS["wema-bank"]!;
}

const senderDetails = (name: string) => ({
  sender_bank: "Access Bank",
  sender_bank_account_number: "XXXXXX4242",
  sender_country: "NG",
  sender_name: name,
});

/** The authorization Paystack attaches to a successful transaction, by channel. */
function authorizationFor(t: Transaction, senderName = "EMULATOR CUSTOMER"): Authorization {
  const code = `AUTH_${randomCode(10)}`;
  const base = { authorization_code: code, country_code: "NG", account_name: null, receiver_bank_account_number: null, receiver_bank: null };
  switch (t.channel) {
    case "card":
      return { ...base, bin: "408408", last4: "4081", exp_month: "12", exp_year: "2030", channel: "card", card_type: "visa ", bank: "TEST BANK", brand: "visa", reusable: true, signature: `SIG_${randomCode(20)}` };
    case "ussd":
      return { ...base, bin: "XXXXXX", last4: "XXXX", exp_month: "", exp_year: "", channel: "ussd", card_type: "offline", bank: USSD_BANKS[t.ussd?.type ?? "737"] ?? "", brand: "offline", reusable: false, signature: "" };
    case "bank_transfer":
    case "dedicated_nuban": {
      const account = t.transfer ?? { accountNumber: t.dedicated!.accountNumber, bank: t.dedicated!.bank };
      return {
        ...base,
        bin: "008XXX",
        last4: "X553",
        exp_month: "",
        exp_year: "",
        channel: t.channel,
        card_type: "transfer",
        bank: "Access Bank",
        brand: "Managed Account",
        reusable: false,
        signature: "",
        receiver_bank_account_number: account.accountNumber,
        receiver_bank: account.bank.name,
        extra: { ...senderDetails(senderName), narration: `Transfer to ${t.integration.businessName}` },
      };
    }
    case "direct_debit":
      return t.authorization!;
  }
}

type SettleOptions = { outcome: "success" | "failed"; amount?: number; webhook: boolean; gatewayResponse?: string };

function settle(t: Transaction, o: SettleOptions) {
  t.status = o.outcome;
  if (o.outcome === "success") {
    t.paidAt = new Date();
    if (o.amount !== undefined) t.amount = o.amount;
    t.authorization = t.channel === "direct_debit" ? t.authorization : authorizationFor(t);
    t.gatewayResponse = o.gatewayResponse ?? (t.channel === "card" ? "Approved" : "Successful");
    if (t.authorization?.reusable) {
      t.integration.authorizations.set(t.authorization.authorization_code, { ...t.authorization, customer: t.customer, mandate: null });
    }
    // Paystack sends webhooks for successful transactions only (https://paystack.com/docs/payments/verify-payments/:
    // "we currently send webhook events for just successful transactions"), so a failure sends none.
    if (o.webhook) void sendWebhook(t, "charge.success");
  } else {
    t.gatewayResponse = o.gatewayResponse ?? "Declined";
  }
}

function sign(key: string, body: string) {
  return crypto.createHmac("sha512", key).update(body).digest("hex");
}

async function sendWebhook(t: Transaction, event: string) {
  const body = JSON.stringify({ event, data: verifyData(t) });
  t.lastWebhook = { event, body };
  await deliver(t.integration, t.reference, event, body, false);
}

async function deliver(integration: Integration, reference: string, event: string, body: string, replay: boolean): Promise<WebhookDelivery> {
  const signature = sign(integration.key, body);
  const record: WebhookDelivery = { event, reference, url: integration.webhookUrl ?? "", at: new Date().toISOString(), status: null, error: null, replay, body, signature };
  push(state.webhooks, record);
  if (!integration.webhookUrl) {
    record.error = "no webhook URL registered for this key";
    return record;
  }
  try {
    const res = await fetch(integration.webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-paystack-signature": signature, "user-agent": "Paystack-Emulator" },
      body,
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    record.status = res.status;
    await res.arrayBuffer();
  } catch (err) {
    record.error = String((err as Error)?.message ?? err);
  }
  return record;
}

// Per the document's descriptions: "Only -, ., = and alphanumeric characters allowed."
const REFERENCE = /^[A-Za-z0-9.=-]+$/;

// Paystack's docs describe Pay with Transfer's `bank_transfer` object on POST /charge; the
// document lacks it (SOURCE.md, known gaps): https://paystack.com/docs/payments/pay-with-transfer/
const bankTransferShape = z.object({ account_expires_at: z.iso.datetime({ offset: true }).optional() }).strict();

/** What the docs add to the document's rules, reported as contract violations too. */
function docsChecks(op: Operation, body: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (typeof body.reference === "string" && !REFERENCE.test(body.reference)) {
    problems.push(`body.reference may hold only -, ., = and alphanumeric characters (got ${JSON.stringify(body.reference)})`);
  }
  if (op.operationId === "charge_create" && body.bank_transfer !== undefined) {
    const r = bankTransferShape.safeParse(body.bank_transfer);
    if (!r.success) problems.push(...r.error.issues.map((i) => `body.bank_transfer${i.path.map((p) => `.${String(p)}`).join("")} ${i.message}`));
  }
  return problems;
}

let refundIds = 0;
const newRefundId = () => 15_000_000 + ++refundIds;

function findRefund(integration: Integration, id: number): { t: Transaction; r: Refund } | null {
  for (const t of integration.transactions.values()) {
    const r = t.refunds?.find((x) => x.id === id);
    if (r) return { t, r };
  }
  return null;
}

type Ctx = { integration: Integration; params: Record<string, string>; query: URLSearchParams; body: Record<string, unknown> };
type Handler = (ctx: Ctx) => Answer;

const ok = (message: string, data: unknown, extra: Record<string, unknown> = {}) => new Answer(200, { status: true, message, data, ...extra });

function duplicate(integration: Integration, reference: unknown) {
  return typeof reference === "string" && integration.transactions.has(reference)
    ? new Answer(400, {
        status: false,
        message: "Duplicate Transaction Reference",
        meta: { nextStep: "Try and create the Transaction or Charge with a new reference" },
        type: "validation_error",
        code: "duplicate_reference",
      })
    : null;
}

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

const handlers: Record<string, Handler> = {
  // GET /balance – the harmless credentials check
  balance_fetch({ integration }) {
    const byCurrency = new Map<string, number>([["NGN", 0]]);
    for (const t of integration.transactions.values()) {
      if (t.status === "success") byCurrency.set(t.currency, (byCurrency.get(t.currency) ?? 0) + t.amount - fees(t.amount));
    }
    return ok("Balances retrieved", [...byCurrency].map(([currency, balance]) => ({ currency, balance })));
  },

  // POST /transaction/initialize – a transaction paid on the hosted page
  transaction_initialize({ integration, body }) {
    const dup = duplicate(integration, body.reference);
    if (dup) return dup;
    const channels = (body.channels as string[] | undefined) ?? [];
    const t = newTransaction(integration, {
      reference: str(body.reference) ?? randomCode(10),
      accessCode: randomCode(15),
      amount: body.amount as number,
      currency: str(body.currency) ?? "NGN",
      customer: customerFor(integration, body.email as string),
      status: "abandoned",
      channel: channels.length === 0 || channels.includes("card") ? "card" : channels[0] === "ussd" ? "ussd" : "bank_transfer",
      gatewayResponse: "The transaction was not completed",
      callbackUrl: str(body.callback_url) ?? null,
      metadata: body.metadata,
    });
    return ok("Authorization URL created", { authorization_url: `${baseUrl}/pay/${t.accessCode}`, access_code: t.accessCode, reference: t.reference });
  },

  // GET /transaction/verify/{reference}
  transaction_verify({ integration, params }) {
    const t = integration.transactions.get(params.reference!);
    if (!t) return fail(404, "Transaction reference not found");
    return ok("Verification successful", verifyData(t));
  },

  // GET /transaction/{id}
  transaction_fetch({ integration, params }) {
    const t = [...integration.transactions.values()].find((x) => String(x.id) === params.id);
    if (!t) return fail(404, "Transaction not found");
    return ok("Transaction retrieved", verifyData(t));
  },

  // GET /transaction – newest first; `customer` (an id) and `perPage` are the names Paystack's
  // docs give (https://paystack.com/docs/api/transaction/#list), the document has customer_code and per_page.
  transaction_list({ integration, query }) {
    const customer = query.get("customer");
    const customerCode = query.get("customer_code");
    const status = query.get("status");
    const channel = query.get("channel");
    const amount = query.get("amount");
    const from = query.get("from") ? Date.parse(query.get("from")!) : null;
    const to = query.get("to") ? Date.parse(query.get("to")!) : null;
    const account = query.get("virtual_account_number");
    const perPage = Math.max(1, Number(query.get("perPage") ?? query.get("per_page") ?? 50) || 50);
    const page = Math.max(1, Number(query.get("page") ?? 1) || 1);
    const all = [...integration.transactions.values()]
      .filter(
        (t) =>
          (!customer || String(t.customer.id) === customer) &&
          (!customerCode || t.customer.code === customerCode) &&
          (!status || t.status === status) &&
          (!channel || t.channel === channel) &&
          (!amount || t.amount === Number(amount)) &&
          (from === null || t.createdAt.getTime() >= from) &&
          (to === null || t.createdAt.getTime() <= to) &&
          (!account || t.dedicated?.accountNumber === account || t.transfer?.accountNumber === account),
      )
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
    const slice = all.slice((page - 1) * perPage, page * perPage);
    return ok("Transactions retrieved", slice.map(listItem), {
      meta: {
        total: all.length,
        total_volume: all.reduce((s, t) => s + t.amount, 0),
        skipped: (page - 1) * perPage,
        perPage,
        page,
        pageCount: Math.max(1, Math.ceil(all.length / perPage)),
      },
    });
  },

  // POST /charge – Pay with Transfer (bank_transfer) or USSD, started server to server
  charge_create({ integration, body }) {
    const dup = duplicate(integration, body.reference);
    if (dup) return dup;
    const ussd = body.ussd as { type?: string } | undefined;
    const transfer = body.bank_transfer as { account_expires_at?: string } | undefined;
    if (!ussd && !transfer) return fail(400, "The emulator charges with bank_transfer or ussd only");
    if (ussd && transfer) return fail(400, "Pass one payment channel: bank_transfer or ussd");
    if (ussd && !ussd.type) return fail(400, "ussd.type is required");
    const common = {
      reference: str(body.reference) ?? randomCode(15),
      accessCode: null,
      amount: body.amount as number,
      currency: str(body.currency) ?? "NGN",
      customer: customerFor(integration, body.email as string),
      callbackUrl: null,
      metadata: body.metadata,
    };
    let t: Transaction;
    if (transfer) {
      const bank = defaultBank(integration, "transfer");
      const expiresAt = transfer.account_expires_at ? new Date(transfer.account_expires_at) : new Date(Date.now() + 30 * 60_000);
      t = newTransaction(integration, {
        ...common,
        status: "ongoing",
        channel: "bank_transfer",
        gatewayResponse: "Transaction in progress",
        transfer: { accountNumber: newAccountNumber(bank), accountName: "PAYSTACK CHECKOUT", bank, expiresAt: expiresAt.toISOString() },
      });
    } else {
      const type = ussd!.type!;
      t = newTransaction(integration, {
        ...common,
        status: "ongoing",
        channel: "ussd",
        gatewayResponse: "Transaction in progress",
        ussd: { type, code: `*${type}*000*${randomDigits(4)}#` },
      });
    }
    return ok("Charge attempted", chargeCreateData(t));
  },

  // GET /charge/{reference}
  charge_check({ integration, params }) {
    const t = integration.transactions.get(params.reference!);
    if (!t) return fail(404, "Transaction reference not found");
    return ok("Reference check successful", chargeCheckData(t));
  },

  // POST /refund – money back from a successful transaction, at most what it took in all
  refund_create({ integration, body }) {
    const t = integration.transactions.get(String(body.transaction));
    if (!t) return fail(404, "Transaction reference not found");
    if (t.status !== "success") return fail(400, "Transaction has not been completed");
    const refunded = (t.refunds ?? []).filter((r) => r.status !== "failed").reduce((n, r) => n + r.amount, 0);
    const amount = typeof body.amount === "number" ? body.amount : t.amount - refunded;
    if (amount <= 0 || refunded + amount > t.amount) return fail(400, "Refund amount cannot be more than the transaction amount");
    const refund: Refund = { id: newRefundId(), amount, status: "pending", createdAt: new Date(), refundedAt: null };
    (t.refunds ??= []).push(refund);
    return ok("Refund has been queued for processing", refundData(t, refund));
  },

  // GET /refund/{id}
  refund_fetch({ integration, params }) {
    const found = findRefund(integration, Number(params.id));
    if (!found) return fail(404, "Refund not found");
    return ok("Refund retrieved", refundRecordData(found.t, found.r));
  },

  // GET /refund – newest first, `from` and `to` on the refund's creation
  refund_list({ integration, query }) {
    const from = query.get("from") ? Date.parse(query.get("from")!) : null;
    const to = query.get("to") ? Date.parse(query.get("to")!) : null;
    const perPage = Math.max(1, Number(query.get("perPage") ?? 50) || 50);
    const page = Math.max(1, Number(query.get("page") ?? 1) || 1);
    const all = [...integration.transactions.values()]
      .flatMap((t) => (t.refunds ?? []).map((r) => ({ t, r })))
      .filter(({ r }) => (from === null || r.createdAt.getTime() >= from) && (to === null || r.createdAt.getTime() <= to))
      .sort((a, b) => b.r.createdAt.getTime() - a.r.createdAt.getTime() || b.r.id - a.r.id);
    const slice = all.slice((page - 1) * perPage, page * perPage);
    return ok("Refunds retrieved", slice.map(({ t, r }) => refundRecordData(t, r)), {
      meta: {
        total: all.length,
        skipped: (page - 1) * perPage,
        perPage: String(perPage),
        page,
        pageCount: Math.max(1, Math.ceil(all.length / perPage)),
        failedRefundCount: all.filter(({ r }) => r.status === "failed").length,
      },
    });
  },

  // POST /customer – creates the customer, or returns (and updates) the one with that email
  customer_create({ integration, body }) {
    const c = customerFor(integration, body.email as string, body as { first_name?: string; last_name?: string; phone?: string });
    return ok("Customer created", customerData(integration, c));
  },

  // POST /dedicated_account – a dedicated virtual account for a customer (its code, or its id)
  dedicatedAccount_create({ integration, body }) {
    const ref = body.customer as string;
    const customer = [...integration.customers.values()].find((c) => c.code === ref || String(c.id) === ref);
    if (!customer) return fail(400, "Customer not found");
    const slug = str(body.preferred_bank);
    const bank = slug ? BANKS[slug] : defaultBank(integration, "dedicated");
    if (!bank || (integration.domain === "live" && bank.slug === "test-bank")) return fail(400, `Invalid preferred bank: ${slug}`);
    const existing = [...integration.dedicatedAccounts.values()].find((d) => d.customer === customer && d.bank === bank);
    if (existing) return ok("Assigned Managed Account Successfully", dedicatedAccountData(integration, existing));
    const name = [customer.firstName, customer.lastName].filter(Boolean).join(" ") || customer.email;
    const account: DedicatedAccount = {
      id: newId(),
      accountNumber: newAccountNumber(bank),
      accountName: `${integration.businessName}/${name}`.toUpperCase(),
      bank,
      customer,
      createdAt: new Date(),
    };
    integration.dedicatedAccounts.set(account.accountNumber, account);
    state.dedicatedByNumber.set(account.accountNumber, { integration, account });
    return ok("NUBAN successfully created", dedicatedAccountData(integration, account));
  },

  // POST /customer/authorization/initialize – a direct debit mandate, consented on the stand-in page
  customer_initializeAuthorization({ integration, body }) {
    const customer = customerFor(integration, body.email as string);
    const account = body.account as { number: string; bank_code: string } | undefined;
    const bankName = account ? (Object.values(BANKS).find((b) => b.code === account.bank_code)?.name ?? `Bank ${account.bank_code}`) : "Guaranty Trust Bank";
    const mandate: Mandate = {
      reference: randomCode(30),
      accessCode: randomCode(15),
      customer,
      callbackUrl: str(body.callback_url) ?? null,
      status: "pending",
      createdAt: new Date(),
      authorization: {
        authorization_code: `AUTH_${randomCode(10)}`,
        bin: "",
        last4: account?.number.slice(-4) ?? "6789",
        exp_month: "",
        exp_year: "",
        channel: "direct_debit",
        card_type: "",
        bank: bankName,
        country_code: "NG",
        brand: "",
        reusable: true,
        signature: "",
        account_name: null,
        receiver_bank_account_number: null,
        receiver_bank: null,
      },
    };
    integration.mandates.set(mandate.reference, mandate);
    state.mandatesByCode.set(mandate.accessCode, { integration, mandate });
    return ok("Authorization initialized", { redirect_url: `${baseUrl}/mandate/${mandate.accessCode}`, access_code: mandate.accessCode, reference: mandate.reference });
  },

  // GET /customer/authorization/verify/{reference}
  customer_verifyAuthorization({ integration, params }) {
    const m = integration.mandates.get(params.reference!);
    if (!m) return fail(404, "Authorization not found");
    return ok("Authorization retrieved successfully", mandateData(m));
  },

  // POST /transaction/charge_authorization – a card authorization succeeds at once; a direct
  // debit is "pending" until the bank answers (settled through the control API)
  transaction_chargeAuthorization({ integration, body }) {
    const dup = duplicate(integration, body.reference);
    if (dup) return dup;
    const auth = integration.authorizations.get(body.authorization_code as string);
    if (!auth || (auth.mandate && auth.mandate.status !== "active")) return fail(400, "Invalid authorization code");
    if (auth.customer.email.toLowerCase() !== String(body.email).toLowerCase()) return fail(400, "Authorization code does not belong to this customer");
    const { customer: _c, mandate, ...authorization } = auth;
    const t = newTransaction(integration, {
      reference: str(body.reference) ?? randomCode(15),
      accessCode: null,
      amount: body.amount as number,
      currency: str(body.currency) ?? "NGN",
      customer: auth.customer,
      status: mandate ? "pending" : "success",
      channel: mandate ? "direct_debit" : "card",
      gatewayResponse: mandate ? "Transaction in progress" : "Approved",
      callbackUrl: null,
      metadata: body.metadata,
      authorization,
    });
    if (!mandate) {
      t.paidAt = new Date();
      void sendWebhook(t, "charge.success");
    }
    return ok("Charge attempted", chargeAuthorizationData(t));
  },
};

// ---------------------------------------------------------------------------------------------
// HTTP

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > 1_000_000) req.destroy(new Error("body too large"));
      else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

function html(res: http.ServerResponse, status: number, page: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(page);
}

function redirect(res: http.ServerResponse, location: string) {
  res.writeHead(302, { location, "cache-control": "no-store" });
  res.end();
}

function hang(res: http.ServerResponse) {
  hanging.add(res);
  res.on("close", () => hanging.delete(res));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function takeFault(method: string, path: string): Fault | undefined {
  const f = state.faults.find((x) => x.remaining > 0 && (!x.method || x.method === method) && x.path.test(path));
  if (f) f.remaining -= 1;
  return f;
}

function parseJson(raw: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false };
  }
}

async function api(req: http.IncomingMessage, res: http.ServerResponse, url: URL, raw: string) {
  const method = req.method ?? "GET";
  const path = url.pathname;
  const contentType = req.headers["content-type"] ?? "";
  // The document also allows form bodies; Kassa sends JSON, so the emulator takes JSON only.
  const formBody = raw.length > 0 && contentType.includes("application/x-www-form-urlencoded");
  let body: unknown = undefined;
  let bodyProblem: string | null = null;
  if (raw.length > 0 && !formBody) {
    const parsed = parseJson(raw);
    if (parsed.ok) body = parsed.value;
    else bodyProblem = "the body is not JSON";
  }
  const key = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1] ?? null;
  const record: RecordedRequest = {
    method,
    path,
    query: Object.fromEntries(url.searchParams),
    body: body ?? (raw.length > 0 ? raw : null),
    at: new Date().toISOString(),
    status: null,
    fault: null,
    keyHint: key ? key.slice(-4) : null,
  };
  push(state.requests, record);
  const answer = (status: number, value: unknown) => {
    record.status = status;
    send(res, status, value);
  };

  const fault = takeFault(method, path);
  record.fault = fault?.mode ?? null;
  if (state.latencyMs > 0 && fault?.mode !== "hang") await sleep(state.latencyMs);
  if (fault?.mode === "hang") return hang(res);
  if (fault?.mode === "500") return answer(500, { status: false, message: "Internal error" });
  if (fault?.mode === "401") return answer(401, { status: false, message: "Invalid key" });

  const integration = key ? state.integrations.get(key) : undefined;
  if (!integration) return answer(401, { status: false, message: "Invalid key" });
  if (formBody) return answer(415, { status: false, message: "The emulator takes JSON bodies only (Content-Type: application/json)" });

  const violate = (kind: Violation["kind"], problems: string[]) =>
    push(state.violations, { at: record.at, method, path, kind, problems });

  const found = contract.operation(method, path);
  if (!found) {
    violate("unknown_operation", [`${method} ${path} is not in Paystack's OpenAPI document`]);
    return answer(404, { status: false, message: `Contract violation: ${method} ${path} is not in Paystack's OpenAPI document` });
  }
  const problems = bodyProblem
    ? [bodyProblem]
    : contract.checkRequest(found.op, { params: found.params, query: url.searchParams, body, hasBody: raw.length > 0 });
  if (problems.length === 0 && body !== null && typeof body === "object" && !Array.isArray(body)) {
    problems.push(...docsChecks(found.op, body as Record<string, unknown>));
  }
  if (problems.length > 0) {
    violate("request", problems.map((p) => `${found.op.method} ${found.op.template}: ${p}`));
    return answer(400, { status: false, message: `Contract violation: ${problems.join("; ")}` });
  }
  const handler = handlers[found.op.operationId];
  if (!handler) return answer(501, { status: false, message: `The emulator does not implement ${found.op.method} ${found.op.template}` });

  const result = handler({ integration, params: found.params, query: url.searchParams, body: (body ?? {}) as Record<string, unknown> });
  if (result.status === 200) {
    // The emulator's own answers must keep to the document: a slip here is a bug to see.
    const own = contract.checkResponse(found.op, JSON.parse(JSON.stringify(result.body)));
    if (own.length > 0) violate("response", own);
  }
  if (fault?.mode === "hang_after") return hang(res);
  if (fault?.mode === "500_after") return answer(500, { status: false, message: "Internal error" });
  answer(result.status, result.body);
}

// The stand-in for checkout.paystack.com/{access_code}
function payPages(req: http.IncomingMessage, res: http.ServerResponse, url: URL, raw: string) {
  const code = decodeURIComponent(url.pathname.slice("/pay/".length));
  const t = state.byAccessCode.get(code);
  if (!t) return html(res, 404, notFoundPage());
  if (req.method === "GET") {
    return html(res, 200, payPage({ accessCode: code, amount: t.amount, currency: t.currency, email: t.customer.email, reference: t.reference }));
  }
  if (req.method !== "POST") return html(res, 405, notFoundPage());
  const action = new URLSearchParams(raw).get("action");
  if (action !== "pay" && action !== "decline") return html(res, 400, donePage("Choose Pay or Decline"));
  if (!isSettled(t)) settle(t, { outcome: action === "pay" ? "success" : "failed", webhook: true });
  if (!t.callbackUrl) return html(res, 200, donePage(t.status === "success" ? "Payment successful" : "Payment declined"));
  const back = new URL(t.callbackUrl);
  back.searchParams.set("trxref", t.reference);
  back.searchParams.set("reference", t.reference);
  redirect(res, back.toString());
}

// The stand-in for the direct debit consent page
function mandatePages(req: http.IncomingMessage, res: http.ServerResponse, url: URL, raw: string) {
  const code = decodeURIComponent(url.pathname.slice("/mandate/".length));
  const found = state.mandatesByCode.get(code);
  if (!found) return html(res, 404, notFoundPage());
  const { integration, mandate } = found;
  if (req.method === "GET") {
    return html(res, 200, mandatePage({ accessCode: code, email: mandate.customer.email, bank: mandate.authorization.bank, accountNumber: null }));
  }
  if (req.method !== "POST") return html(res, 405, notFoundPage());
  const action = new URLSearchParams(raw).get("action");
  if (action !== "authorize" && action !== "decline") return html(res, 400, donePage("Choose Authorize or Decline"));
  if (mandate.status === "pending") {
    mandate.status = action === "authorize" ? "active" : "declined";
    if (mandate.status === "active") {
      integration.authorizations.set(mandate.authorization.authorization_code, { ...mandate.authorization, customer: mandate.customer, mandate });
    }
  }
  if (!mandate.callbackUrl) return html(res, 200, donePage(mandate.status === "active" ? "Direct debit authorized" : "Direct debit declined"));
  const back = new URL(mandate.callbackUrl);
  back.searchParams.set("reference", mandate.reference);
  redirect(res, back.toString());
}

function findTransaction(reference: string): Transaction | undefined {
  let latest: Transaction | undefined;
  for (const i of state.integrations.values()) {
    const t = i.transactions.get(reference);
    if (t && (!latest || t.createdAt >= latest.createdAt)) latest = t;
  }
  return latest;
}

async function control(req: http.IncomingMessage, res: http.ServerResponse, url: URL, raw: string) {
  const method = req.method ?? "GET";
  const route = url.pathname.slice(CONTROL_PREFIX.length);
  const input = <T extends z.ZodType>(schema: T): z.infer<T> => {
    const parsed = parseJson(raw.length > 0 ? raw : "{}");
    if (!parsed.ok) throw new ControlError(400, "the body is not JSON");
    const r = schema.safeParse(parsed.value);
    if (!r.success) throw new ControlError(400, z.prettifyError(r.error));
    return r.data;
  };
  const seg = (re: RegExp) => {
    const m = re.exec(route);
    return m ? decodeURIComponent(m[1]!) : null;
  };
  try {
    let ref: string | null;
    if (method === "POST" && route === "/keys") {
      const b = input(registerKeyBody);
      const existing = state.integrations.get(b.secretKey);
      if (existing) {
        existing.webhookUrl = b.webhookUrl ?? existing.webhookUrl;
        existing.businessName = b.businessName ?? existing.businessName;
      } else {
        state.integrations.set(b.secretKey, {
          id: newId(),
          key: b.secretKey,
          domain: b.secretKey.startsWith("sk_live_") ? "live" : "test",
          webhookUrl: b.webhookUrl ?? null,
          businessName: b.businessName ?? "KASSA TEST",
          transactions: new Map(),
          customers: new Map(),
          dedicatedAccounts: new Map(),
          mandates: new Map(),
          authorizations: new Map(),
        });
      }
      return send(res, 200, { ok: true });
    }
    if (method === "POST" && (ref = seg(/^\/transactions\/([^/]+)\/settle$/))) {
      const b = input(settleBody);
      const t = findTransaction(ref);
      if (!t) throw new ControlError(404, `no transaction ${ref}`);
      if (isSettled(t)) throw new ControlError(409, `transaction ${ref} is already ${t.status}`);
      settle(t, b);
      return send(res, 200, view(t));
    }
    if (method === "POST" && (ref = seg(/^\/transactions\/([^/]+)\/refunds\/settle$/))) {
      // The oldest refund of the transaction still pending is processed, or fails.
      const b = input(settleRefundBody);
      const t = findTransaction(ref);
      const r = t?.refunds?.find((x) => x.status === "pending");
      if (!t || !r) throw new ControlError(404, `no pending refund of ${ref}`);
      r.status = b.outcome;
      r.refundedAt = b.outcome === "processed" ? new Date() : null;
      if (b.webhook) {
        const event = `refund.${b.outcome}`;
        void deliver(t.integration, t.reference, event, JSON.stringify({ event, data: refundWebhookData(t, r) }), false);
      }
      return send(res, 200, refundRecordData(t, r));
    }
    if (method === "POST" && (ref = seg(/^\/transactions\/([^/]+)\/refunds\/outside$/))) {
      const b = input(outsideRefundBody);
      const t = findTransaction(ref);
      if (!t) throw new ControlError(404, `no transaction ${ref}`);
      const r: Refund = { id: newRefundId(), amount: b.amount, status: "processed", createdAt: new Date(), refundedAt: new Date() };
      (t.refunds ??= []).push(r);
      return send(res, 200, refundRecordData(t, r));
    }
    if (method === "GET" && (ref = seg(/^\/transactions\/([^/]+)$/))) {
      const t = findTransaction(ref);
      if (!t) throw new ControlError(404, `no transaction ${ref}`);
      return send(res, 200, view(t));
    }
    if (method === "GET" && route === "/transactions") {
      const all = [...state.integrations.values()].flatMap((i) => [...i.transactions.values()]);
      return send(res, 200, all.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).map(view));
    }
    if (method === "POST" && (ref = seg(/^\/dedicated-accounts\/([^/]+)\/pay$/))) {
      const b = input(payDedicatedAccountBody);
      const found = state.dedicatedByNumber.get(ref);
      if (!found) throw new ControlError(404, `no dedicated account ${ref}`);
      const { integration, account } = found;
      const t = newTransaction(integration, {
        // Paystack names a transfer into a dedicated account itself: the merchant has no reference for it.
        reference: `${randomDigits(6)}${Date.now()}${randomDigits(6)}`,
        accessCode: null,
        amount: b.amount,
        currency: "NGN",
        customer: account.customer,
        status: "success",
        channel: "dedicated_nuban",
        gatewayResponse: "Approved",
        callbackUrl: null,
        metadata: { receiver_account_number: account.accountNumber, receiver_bank: account.bank.name, custom_fields: [] },
        dedicated: account,
      });
      t.paidAt = new Date();
      t.authorization = authorizationFor(t, b.senderName);
      if (b.webhook) void sendWebhook(t, "charge.success");
      return send(res, 200, view(t));
    }
    if (method === "POST" && (ref = seg(/^\/webhooks\/resend\/([^/]+)$/))) {
      const t = findTransaction(ref);
      if (!t?.lastWebhook) throw new ControlError(404, `no webhook was sent for ${ref}`);
      return send(res, 200, await deliver(t.integration, t.reference, t.lastWebhook.event, t.lastWebhook.body, true));
    }
    if (method === "GET" && route === "/webhooks") {
      const r = url.searchParams.get("reference");
      return send(res, 200, state.webhooks.filter((w) => !r || w.reference === r));
    }
    if (method === "POST" && route === "/faults") {
      const b = input(faultBody);
      let re: RegExp;
      try {
        re = new RegExp(b.path);
      } catch {
        throw new ControlError(400, `not a regular expression: ${b.path}`);
      }
      state.faults.push({ path: re, method: b.method, mode: b.mode, remaining: b.times ?? Number.POSITIVE_INFINITY });
      return send(res, 200, { ok: true });
    }
    if (method === "DELETE" && route === "/faults") {
      state.faults = [];
      return send(res, 200, { ok: true });
    }
    if (method === "POST" && route === "/latency") {
      state.latencyMs = input(latencyBody).ms;
      return send(res, 200, { ok: true });
    }
    if (method === "GET" && route === "/requests") {
      const r = url.searchParams.get("reference");
      const p = url.searchParams.get("path");
      const m = url.searchParams.get("method");
      const mentions = (x: RecordedRequest) =>
        x.path.split("/").includes(r!) || Object.values(x.query).includes(r!) || (x.body as { reference?: unknown } | null)?.reference === r;
      return send(res, 200, state.requests.filter((x) => (!r || mentions(x)) && (!p || x.path === p) && (!m || x.method === m.toUpperCase())));
    }
    if (method === "GET" && route === "/violations") return send(res, 200, state.violations);
    if (method === "POST" && route === "/reset") {
      reset();
      return send(res, 200, { ok: true });
    }
    throw new ControlError(404, `no control route ${method} ${route}`);
  } catch (err) {
    if (err instanceof ControlError) return send(res, err.status, { error: err.message });
    throw err;
  }
}

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? "/", baseUrl || "http://127.0.0.1");
    const raw = await readBody(req);
    if (url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`)) return await control(req, res, url, raw);
    if (url.pathname.startsWith("/pay/")) return payPages(req, res, url, raw);
    if (url.pathname.startsWith("/mandate/")) return mandatePages(req, res, url, raw);
    await api(req, res, url, raw);
  } catch (err) {
    process.stderr.write(`paystack emulator: ${(err as Error)?.stack ?? err}\n`);
    if (!res.headersSent) send(res, 500, { status: false, message: "Emulator error" });
    else res.destroy();
  }
});

// Hundreds of keep-alive connections from a benchmark are fine; none should idle forever.
server.keepAliveTimeout = 5_000;
server.requestTimeout = 0;
server.listen(Number(arg("port") ?? 0), arg("host") ?? "127.0.0.1", () => {
  const { address, port } = server.address() as AddressInfo;
  baseUrl = `http://${address}:${port}`;
  process.stdout.write(`${JSON.stringify({ url: baseUrl })}\n`);
});

function shutdown() {
  for (const res of hanging) res.destroy();
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 500).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
