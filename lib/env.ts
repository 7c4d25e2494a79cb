import { z } from "zod";

// An empty variable is an unset one: `PORT= npm start` means the default, not port 0.
const unset = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema);
const optionalString = unset(z.string().optional());
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

const schema = z.object({
  // The address to listen on: an IP address or a host name, never a URL or a port.
  HOST: unset(
    z
      .union([z.ipv4(), z.ipv6(), z.string().regex(HOSTNAME)], { error: "must be an IP address or a host name such as 127.0.0.1 or ::" })
      .default("0.0.0.0"),
  ),
  PORT: unset(z.coerce.number().int().min(1).max(65535).default(3000)),
  PUBLIC_URL: unset(z
      .url({ protocol: /^https?$/, error: "must be an absolute http(s) URL such as https://pay.example.com" })
      .optional(),
  ),
  DATABASE_URL: unset(z
      .string()
      .regex(/^(postgres(ql)?:\/\/|memory:\/\/$)/, "must be postgres://… or memory://")
      .optional(),
  ),
  KASSA_DATA_DIR: optionalString,
  // Keys the card fingerprint HMAC and seals provider credentials. Required once several instances share a database.
  KASSA_SECRET: unset(z.string().min(32, "must be at least 32 characters").optional()),
  // Earlier values of KASSA_SECRET, comma-separated: they still open provider credentials
  // sealed before a rotation (which are sealed again under the current one when next saved).
  KASSA_PREVIOUS_SECRETS: optionalString,
  // Where each processor's API is (SPEC 8): tests and egress proxies point them elsewhere.
  PAYSTACK_BASE_URL: unset(z.url({ protocol: /^https?$/ }).default("https://api.paystack.co")),
  // Where Paystack's own card page is: the checkout's CSP lets the pay form lead there.
  PAYSTACK_CHECKOUT_URL: unset(z.url({ protocol: /^https?$/ }).default("https://checkout.paystack.com")),
  // How long a call to a processor may take before its outcome counts as unknown (SPEC 8: 10 s).
  PROVIDER_TIMEOUT_MS: unset(z.coerce.number().int().min(100).max(60_000).default(10_000)),
  // How often each process looks for pending payments to ask their processor about.
  RECONCILE_INTERVAL_MS: unset(z.coerce.number().int().min(50).max(3_600_000).default(15_000)),
  // Multiplies the reconciliation schedule (a minute after the start, then backoff): 0.001 in tests.
  RECONCILE_TIME_SCALE: unset(z.coerce.number().positive().max(1).default(1)),
  // Mail to buyers (SPEC 9: receipts and instructions): smtp://user:pass@host:587 (STARTTLS when
  // the server offers it) or smtps://…:465; unset, no mail is queued or sent.
  SMTP_URL: unset(z.url({ protocol: /^smtps?$/, error: "must be smtp://user:password@host:port or smtps://…" }).optional()),
  // The sender of those mails, `receipts@shop.example` or `Shop <receipts@shop.example>`.
  MAIL_FROM: unset(
    z
      .string()
      .regex(/^([^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/, "must be an address such as receipts@shop.example or Shop <receipts@shop.example>")
      .optional(),
  ),
  // Multiplies the mail retry schedule (1 min, 5 min, 30 min…): 0.001 in tests.
  MAIL_TIME_SCALE: unset(z.coerce.number().positive().max(1).default(1)),
  LOG_LEVEL: unset(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ),
  EXPIRY_SWEEP_INTERVAL_MS: unset(z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  ),
  // Multiplies the webhook retry schedule: 0.001 turns the 5 s first retry into 5 ms (tests).
  WEBHOOK_TIME_SCALE: unset(z.coerce.number().positive("must be a positive number such as 1 or 0.001").max(1).default(1),
  ),
  // How often an idle webhook worker looks for due deliveries.
  WEBHOOK_POLL_INTERVAL_MS: unset(z.coerce.number().int().min(10).max(60_000).default(1000),
  ),
  // Whole-request limit for one delivery: DNS, connect, response and the body we keep.
  WEBHOOK_TIMEOUT_MS: unset(z.coerce.number().int().min(100).max(60_000).default(15_000),
  ),
  // Deliveries one process sends at once.
  WEBHOOK_CONCURRENCY: unset(z.coerce.number().int().min(1).max(256).default(16),
  ),
  // 0 keeps this server from delivering webhooks (when `npm run worker` runs elsewhere).
  WEBHOOK_WORKER: unset(z.enum(["0", "1"]).default("1")),
  // Shared store for rate limits across instances; memory (per process) when unset.
  REDIS_URL: unset(z.string().regex(/^rediss?:\/\//, "must be redis://… or rediss://…").optional(),
  ),
  // Namespace for Kassa's keys in a Redis shared with other software (or other installs).
  REDIS_KEY_PREFIX: unset(z.string().regex(/^[\w:.-]{1,64}$/).default("kassa")),
  // Payment attempts allowed per client IP and per checkout session in RATE_LIMIT_WINDOW_S.
  RATE_LIMIT_PAY_PER_IP: unset(z.coerce.number().int().min(1).default(30)),
  RATE_LIMIT_PAY_PER_SESSION: unset(z.coerce.number().int().min(1).default(10)),
  RATE_LIMIT_WINDOW_S: unset(z.coerce.number().int().min(1).max(86_400).default(60)),
  // Proxies in front of this server whose X-Forwarded-* headers are believed (SPEC 6); 0: the socket is the client.
  TRUST_PROXY: unset(z.coerce.number().int().min(0).max(16).default(0)),
  // Whether test-mode webhook endpoints may target loopback and private addresses (SPEC 6);
  // unset: `test` on the embedded database (one developer's machine), `never` on PostgreSQL.
  WEBHOOK_PRIVATE_TARGETS: unset(z.enum(["test", "never"]).optional()),
  // Lets tests move the server's clock through POST /api/v1/test/clock. Never set in production.
  KASSA_TEST_CLOCK: unset(z.enum(["0", "1"]).default("0")),
  // Turns on the benchmark's reference routes (a trivial echo handler and a blank page).
  KASSA_BENCH: unset(z.enum(["0", "1"]).default("0")),
}).refine((e) => !e.SMTP_URL || e.MAIL_FROM, { path: ["MAIL_FROM"], message: "must be set with SMTP_URL (the sender of receipts)" });

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** The validated environment; throws one message listing every wrong variable. */
export function env(): Env {
  return (cached ??= parseEnv(process.env));
}

export function parseEnv(vars: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(vars);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export function publicUrl(): string {
  const e = env();
  return (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
}

/**
 * The origins this server's own pages are served from: PUBLIC_URL's, or, when it is unset,
 * this machine's on PORT. Never a header's say-so: Host and X-Forwarded-Host are the client's.
 */
export function ownOrigins(): string[] {
  const e = env();
  if (e.PUBLIC_URL) return [new URL(e.PUBLIC_URL).origin];
  return ["localhost", "127.0.0.1", "[::1]"].map((host) => `http://${host}:${e.PORT}`);
}

/** Whether test-mode webhooks may go to loopback and private addresses on this install. */
export function webhookPrivateTargets(): "test" | "never" {
  const e = env();
  return e.WEBHOOK_PRIVATE_TARGETS ?? (e.DATABASE_URL?.startsWith("postgres") ? "never" : "test");
}

/** Whether buyers are mailed receipts and instructions on this install (SMTP_URL is set). */
export function mailEnabled(): boolean {
  return env().SMTP_URL !== undefined;
}
