import nodemailer from "nodemailer";
import type { Logger } from "pino";
import type { Database } from "@/db/client";
import { claimDueMail, recordMailAttempt, type MailOutcome, type MailRow } from "@/db/queries/mail";
import { buyerLanguage, findSessionPayment, receiptOf } from "@/lib/checkout/receipt";
import { now, pauses } from "@/lib/clock";
import { env } from "@/lib/env";
import { composeInstructions, composeReceipt, type Composed } from "./compose";

// After a temporary failure (the server down, a 4xx answer): 1 min, 5 min, 30 min, 2 h, 6 h,
// 12 h, 24 h; then the message is failed. A permanent refusal (5xx: no such mailbox) fails it at once.
const RETRY_MS = [60_000, 300_000, 1_800_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000];

// The transport's own limits: a connection, the greeting, then any one read or write.
const CONNECTION_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 30_000;

/**
 * How long a claim holds a message: longer than any one send may take (every limit above,
 * and room to record it). A worker that dies mid-send holds its messages this long.
 */
export const MAIL_LEASE_MS = CONNECTION_TIMEOUT_MS + 2 * SOCKET_TIMEOUT_MS + 30_000;

const BATCH = 8;

export type MailWorkerOptions = {
  db: Database;
  log: Logger;
  smtpUrl: string;
  from: string;
  pollIntervalMs: number;
  timeScale: number;
};

export type MailWorker = { stop(): Promise<void> };

/** The mail worker's settings from the environment; null when this install sends no mail. */
export function mailWorkerSettings(): Omit<MailWorkerOptions, "db" | "log"> | null {
  const e = env();
  if (!e.SMTP_URL || !e.MAIL_FROM) return null;
  return { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, pollIntervalMs: e.WEBHOOK_POLL_INTERVAL_MS, timeScale: e.MAIL_TIME_SCALE };
}

/** What a message says now, or why it is no longer to be sent. */
async function compose(db: Database, mail: MailRow): Promise<Composed | { skip: string }> {
  const found = mail.paymentId ? await findSessionPayment(db, mail.sessionId, mail.paymentId) : null;
  if (!found) return { skip: "its session or payment is gone" };
  const { session, payment, merchant } = found;
  const locale = buyerLanguage(session);
  if (mail.kind === "receipt") {
    if (payment.status !== "succeeded") return { skip: `the payment is ${payment.status}` };
    return composeReceipt(receiptOf(session, payment, merchant, locale));
  }
  // Instructions are for a payment still waiting: once it is paid, failed or canceled they would mislead.
  if (payment.status !== "pending") return { skip: `the payment is ${payment.status}` };
  return composeInstructions(session, payment, merchant, locale) ?? { skip: "the payment has no instructions" };
}

/**
 * SMTP_URL as the transport's options: smtps:// is TLS from the first byte (port 465 unless
 * given); smtp:// upgrades with STARTTLS whenever the server offers it (port 587 unless given).
 */
export function smtpServerOf(smtpUrl: string) {
  const u = new URL(smtpUrl);
  const secure = u.protocol === "smtps:";
  return {
    host: u.hostname.replace(/^\[|\]$/g, ""),
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
  };
}

/** The domain of the sender's address, for Message-IDs (`<mail_…@shop.example>`). */
function senderDomain(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "kassa.invalid";
}

/**
 * The mail outbox worker (SPEC 9). Like the webhook worker: any number may run against one
 * database, each claims due messages with FOR UPDATE SKIP LOCKED and a lease, sends them
 * outside any transaction, and records the result only while it holds the lease. A message
 * is sent at most once per claim and never again once recorded sent; its Message-ID is its
 * own id, so that the one case left (a worker dying between the server's acceptance and the
 * record) reaches the buyer's mailbox as the same message.
 */
export function startMailWorker(opts: MailWorkerOptions): MailWorker {
  const { db, log } = opts;
  const transport = nodemailer.createTransport(
    {
      ...smtpServerOf(opts.smtpUrl),
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      greetingTimeout: CONNECTION_TIMEOUT_MS,
      socketTimeout: SOCKET_TIMEOUT_MS,
    },
    { from: opts.from },
  );
  const domain = senderDomain(opts.from);
  let stopping = false;
  const { pause, wake } = pauses();

  async function send(mail: MailRow, lease: Date): Promise<void> {
    let outcome: MailOutcome;
    try {
      const message = await compose(db, mail);
      if ("skip" in message) outcome = { status: "skipped", at: now(), error: message.skip };
      else {
        const info = await transport.sendMail({
          to: mail.recipient,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: `<${mail.id}@${domain}>`,
          headers: { "Auto-Submitted": "auto-generated" },
        });
        outcome = { status: "sent", at: now() };
        log.info({ mailId: mail.id, kind: mail.kind, sessionId: mail.sessionId, response: info.response }, "mail sent");
      }
    } catch (err) {
      const e = err as { responseCode?: number; response?: string; code?: string; message?: string };
      const error = String(e.response ?? e.code ?? e.message ?? err).slice(0, 500);
      const attempt = mail.attempts + 1;
      const permanent = typeof e.responseCode === "number" && e.responseCode >= 500;
      const at = now();
      outcome =
        permanent || attempt > RETRY_MS.length
          ? { status: "failed", at, error }
          : { status: "pending", at, error, nextAttemptAt: new Date(at.getTime() + RETRY_MS[attempt - 1]! * opts.timeScale) };
      log.warn({ mailId: mail.id, kind: mail.kind, attempt, status: outcome.status, error }, "mail not sent");
    }
    if (!(await recordMailAttempt(db, mail.id, lease, outcome))) {
      log.warn({ mailId: mail.id }, "mail attempt not recorded: its lease ran out and another worker may take it");
    }
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      let claimed = 0;
      try {
        const at = now();
        const lease = new Date(at.getTime() + MAIL_LEASE_MS);
        const batch = await claimDueMail(db, { at, limit: BATCH, lockedUntil: lease });
        claimed = batch.length;
        await Promise.all(batch.map((m) => send(m, lease)));
      } catch (err) {
        log.error({ err }, "mail worker pass failed");
      }
      if (claimed < BATCH && !stopping) await pause(opts.pollIntervalMs);
    }
  }

  const running = loop();
  return {
    async stop() {
      stopping = true;
      wake();
      await running;
      transport.close();
    },
  };
}
