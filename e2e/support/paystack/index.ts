// Starts the Paystack emulator (server.ts) in its own process and returns a typed client of its
// control API. Point Kassa's PAYSTACK_BASE_URL at `url`.
import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import {
  CONTROL_PREFIX,
  type Fault,
  type PayDedicatedAccount,
  type RecordedRequest,
  type RegisterKey,
  type Settle,
  type SettleRefund,
  type TransactionView,
  type Violation,
  type WebhookDelivery,
} from "./control";

export type * from "./control";
export { loadContract } from "./contract";
export { isNuban, nuban } from "./nuban";
export { BANKS } from "./model";

export type PaystackEmulator = {
  /** The API's base URL (what PAYSTACK_BASE_URL is set to); the stand-in pages live under it too. */
  url: string;
  pid: number;
  /** Registers (or updates) a secret key and the URL its webhooks go to. */
  registerKey(opts: RegisterKey): Promise<void>;
  /** Settles a transaction or charge still open (abandoned, ongoing, pending). */
  settle(reference: string, opts: Settle): Promise<TransactionView>;
  /** A customer's transfer into a dedicated account: a new successful transaction, Paystack's reference. */
  payDedicatedAccount(accountNumber: string, opts: PayDedicatedAccount): Promise<TransactionView>;
  /** Processes (or fails) the transaction's oldest pending refund, with its refund.* webhook unless told not to. */
  settleRefund(reference: string, opts: SettleRefund): Promise<unknown>;
  /** A refund made outside Kassa (in Paystack's dashboard), processed at once. */
  refundOutside(reference: string, amount: number): Promise<unknown>;
  /** Sends the transaction's last webhook again, byte for byte (a replay). */
  resendWebhook(reference: string): Promise<WebhookDelivery>;
  /** The next `times` requests matching (all until cleared) fail as `mode` says. */
  addFault(fault: Omit<Fault, "path"> & { path: string | RegExp }): Promise<void>;
  clearFaults(): Promise<void>;
  /** Added before every API answer (not the control API's, not the pages'). */
  setLatency(ms: number): Promise<void>;
  /** API requests received, oldest first; `reference` matches a path segment, a query value or body.reference. */
  requests(filter?: { reference?: string; path?: string; method?: string }): Promise<RecordedRequest[]>;
  violations(): Promise<Violation[]>;
  transaction(reference: string): Promise<TransactionView | null>;
  transactions(): Promise<TransactionView[]>;
  webhooks(filter?: { reference?: string }): Promise<WebhookDelivery[]>;
  /**
   * Does what a buyer does on the stand-in checkout page: posts its Pay or Decline form and
   * returns where it sends the browser (the callback URL with ?trxref&reference), or null.
   */
  completeCheckout(authorizationUrl: string, action: "pay" | "decline"): Promise<string | null>;
  /** The same on the direct debit consent page. */
  completeMandate(redirectUrl: string, action: "authorize" | "decline"): Promise<string | null>;
  /** Forgets every key, transaction, record, fault and the latency. */
  reset(): Promise<void>;
  stop(): Promise<void>;
};

export async function startPaystackEmulator(opts: { latencyMs?: number } = {}): Promise<PaystackEmulator> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(__dirname, "server.ts"), "--port", "0", ...(opts.latencyMs ? ["--latency", String(opts.latencyMs)] : [])],
    { stdio: ["ignore", "pipe", "inherit"], cwd: path.resolve(__dirname, "../../..") },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once("line", (line) => resolve((JSON.parse(line) as { url: string }).url));
    child.once("exit", (code) => reject(new Error(`the Paystack emulator exited with ${code}`)));
  });
  return paystackEmulatorAt(url, {
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  });
}

/** The control client of an emulator already running at `url` (one the test setup started). */
export function paystackEmulatorAt(url: string, proc: { pid: number; stop(): Promise<void> } = { pid: 0, stop: async () => {} }): PaystackEmulator {
  async function call<T>(method: string, route: string, body?: unknown): Promise<T> {
    const res = await fetch(`${url}${CONTROL_PREFIX}${route}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const value = (await res.json()) as T & { error?: string };
    if (!res.ok) throw new Error(`emulator ${method} ${route}: ${res.status} ${value.error ?? ""}`);
    return value;
  }
  const q = (params: Record<string, string | undefined>) => {
    const s = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined)).toString();
    return s ? `?${s}` : "";
  };
  const enc = encodeURIComponent;
  async function submit(pageUrl: string, action: string): Promise<string | null> {
    const res = await fetch(pageUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ action }).toString(),
      redirect: "manual",
    });
    await res.arrayBuffer();
    if (res.status >= 400) throw new Error(`emulator page ${pageUrl}: ${res.status}`);
    return res.headers.get("location");
  }

  return {
    url,
    pid: proc.pid,
    registerKey: (o) => call("POST", "/keys", o),
    settle: (reference, o) => call("POST", `/transactions/${enc(reference)}/settle`, o),
    settleRefund: (reference, o) => call("POST", `/transactions/${enc(reference)}/refunds/settle`, o),
    refundOutside: (reference, amount) => call("POST", `/transactions/${enc(reference)}/refunds/outside`, { amount }),
    payDedicatedAccount: (accountNumber, o) => call("POST", `/dedicated-accounts/${enc(accountNumber)}/pay`, o),
    resendWebhook: (reference) => call("POST", `/webhooks/resend/${enc(reference)}`, {}),
    addFault: (f) => call("POST", "/faults", { ...f, path: f.path instanceof RegExp ? f.path.source : f.path }),
    clearFaults: () => call("DELETE", "/faults"),
    setLatency: (ms) => call("POST", "/latency", { ms }),
    requests: (f = {}) => call("GET", `/requests${q(f)}`),
    violations: () => call("GET", "/violations"),
    async transaction(reference) {
      const res = await fetch(`${url}${CONTROL_PREFIX}/transactions/${enc(reference)}`);
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(`emulator GET /transactions/${reference}: ${res.status}`);
      return (await res.json()) as TransactionView;
    },
    transactions: () => call("GET", "/transactions"),
    webhooks: (f = {}) => call("GET", `/webhooks${q(f)}`),
    completeCheckout: (authorizationUrl, action) => submit(authorizationUrl, action),
    completeMandate: (redirectUrl, action) => submit(redirectUrl, action),
    reset: () => call("POST", "/reset", {}),
    stop: () => proc.stop(),
  };
}
