// A real SMTP server on a loopback port (the smtp-server package) for the mail tests: it takes
// what Kassa's mail worker sends, parses each message (mailparser) and keeps it; a test can make
// it answer an SMTP error for the next messages instead (a full mailbox, no such user).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type Received = ParsedMail & { envelopeTo: string[] };

export type TestSmtp = {
  url: string;
  received: Received[];
  /** Attempts answered, accepted or refused (a refused one is not in `received`). */
  attempts: () => number;
  /** The next `times` messages get this SMTP answer (e.g. 451 try later, 550 no such user). */
  refuseNext(times: number, code: number, message: string): void;
  close(): Promise<void>;
};

export async function startSmtp(): Promise<TestSmtp> {
  const received: Received[] = [];
  let refusals: { times: number; code: number; message: string } | null = null;
  let attempts = 0;
  const server = new SMTPServer({
    // Plain SMTP on loopback, as a relay inside a private network: no STARTTLS offered, any login.
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      attempts++;
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (refusals && refusals.times > 0) {
          refusals.times--;
          const err = Object.assign(new Error(refusals.message), { responseCode: refusals.code });
          callback(err);
          return;
        }
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            received.push(Object.assign(mail, { envelopeTo: session.envelope.rcptTo.map((r) => r.address) }));
            callback();
          },
          (err) => callback(err),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    attempts: () => attempts,
    refuseNext(times, code, message) {
      refusals = { times, code, message };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What a Playwright spec reads of the inbox (it runs in another process than the server). */
export type InboxMessage = { to: string[]; subject: string; text: string; html: string; messageId: string };

/**
 * Serves `smtp`'s inbox as JSON on a loopback port (GET /messages), for the Playwright specs,
 * whose workers are other processes than the global setup that holds the SMTP server.
 */
export async function serveInbox(smtp: TestSmtp): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    const messages: InboxMessage[] = smtp.received.map((m) => ({
      to: m.envelopeTo,
      subject: m.subject ?? "",
      text: m.text ?? "",
      html: typeof m.html === "string" ? m.html : "",
      messageId: m.messageId ?? "",
    }));
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(messages));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/messages`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
