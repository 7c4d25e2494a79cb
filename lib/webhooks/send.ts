import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { checkDestination, type Lookup, type ResolvedAddress, type TargetRules } from "./ssrf";

/** How much of a response body an attempt keeps. */
export const MAX_RESPONSE_BODY_BYTES = 2048;
const USER_AGENT = "Kassa-Webhooks/1.0 (+https://www.standardwebhooks.com)";

export type SendRequest = {
  url: string;
  livemode: boolean;
  privateTargets: TargetRules["privateTargets"];
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  lookup?: Lookup;
  /**
   * Asked after the destination check, just before the POST: a reason not to send after all
   * (the endpoint was turned off while this attempt waited), or null to go on.
   */
  stillWanted?: () => Promise<string | null>;
};

export type SendResult = {
  /** The response status, or null when none came (not sent, refused, timed out). */
  status: number | null;
  body: string | null;
  durationMs: number;
  /** Why the attempt failed; null on a 2xx. */
  error: string | null;
  /** Retry-After of a 429 or 503, raw. */
  retryAfter: string | null;
};

class NotSent extends Error {}

/**
 * POSTs one webhook. The destination is checked again here (DNS may have changed since the
 * endpoint was saved) and the connection goes to the very addresses that were checked, so a
 * second, different DNS answer cannot slip in between. Redirects are not followed. The whole
 * attempt (DNS, connect, response, the part of the body we keep) has one deadline.
 */
export async function sendWebhook(req: SendRequest): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), req.timeoutMs);
  try {
    const url = new URL(req.url);
    const destination = await withSignal(checkDestination(url, { livemode: req.livemode, privateTargets: req.privateTargets }, req.lookup), abort.signal);
    if (!destination.ok) throw new NotSent(`Not sent: ${destination.reason}.`);
    const unwanted = req.stillWanted ? await withSignal(req.stillWanted(), abort.signal) : null;
    if (unwanted) throw new NotSent(unwanted);
    const res = await post(url, destination.addresses, req, abort.signal);
    const ok = res.status >= 200 && res.status < 300;
    return {
      status: res.status,
      body: res.body,
      durationMs: elapsed(),
      error: ok ? null : describeStatus(res.status, res.location),
      retryAfter: res.status === 429 || res.status === 503 ? res.retryAfter : null,
    };
  } catch (err) {
    const error = abort.signal.aborted
      ? `Timed out after ${req.timeoutMs} ms.`
      : err instanceof NotSent
        ? err.message
        : describeError(err);
    return { status: null, body: null, durationMs: elapsed(), error, retryAfter: null };
  } finally {
    clearTimeout(timer);
  }
}

type RawResponse = { status: number; body: string; location: string | null; retryAfter: string | null };

function post(url: URL, addresses: ResolvedAddress[], req: SendRequest, signal: AbortSignal): Promise<RawResponse> {
  const transport = url.protocol === "https:" ? https : http;
  const payload = Buffer.from(req.body, "utf8");
  return new Promise((resolve, reject) => {
    const request = transport.request(
      {
        method: "POST",
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[|\]$/g, ""),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        headers: {
          ...req.headers,
          "content-type": "application/json",
          "content-length": String(payload.length),
          "user-agent": USER_AGENT,
        },
        lookup: pinnedLookup(addresses),
        // One connection per attempt: nothing pooled can carry a request to an unchecked address.
        agent: false,
        signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          resolve({
            status: res.statusCode ?? 0,
            // PostgreSQL text cannot hold NUL: a binary answer must not make the record fail.
            body: Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BODY_BYTES).toString("utf8").replace(/\0/g, ""),
            location: header(res.headers.location),
            retryAfter: header(res.headers["retry-after"]),
          });
        };
        res.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          // Enough kept: stop reading rather than download whatever the receiver sends.
          if (size >= MAX_RESPONSE_BODY_BYTES) {
            done();
            request.destroy();
          }
        });
        res.on("end", done);
        res.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}

/** A lookup that answers with the addresses already checked, never asking DNS again. */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  }) as unknown as LookupFunction;
}

function withSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error("aborted"));
    signal.addEventListener("abort", () => reject(new Error("aborted")), { once: true });
    promise.then(resolve, reject);
  });
}

function header(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

function describeStatus(status: number, location: string | null): string {
  if (status >= 300 && status < 400) {
    return `Answered ${status}; redirects are not followed${location ? ` (Location: ${location.slice(0, 200)})` : ""}. Use the final URL as the endpoint.`;
  }
  if (status === 410) return "Answered 410 Gone: the endpoint has been disabled.";
  return `Answered ${status}; only a 2xx status counts as delivered.`;
}

const ERROR_CODES: Record<string, string> = {
  ECONNREFUSED: "Connection refused",
  ECONNRESET: "Connection reset",
  EHOSTUNREACH: "Host unreachable",
  ENETUNREACH: "Network unreachable",
  ENOTFOUND: "Host not found",
  EAI_AGAIN: "DNS lookup failed",
  EPIPE: "Connection closed while sending",
};

function describeError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const code = typeof e?.code === "string" ? e.code : null;
  if (code && ERROR_CODES[code]) return `${ERROR_CODES[code]} (${code}).`;
  if (code?.startsWith("ERR_TLS") || code?.includes("CERT") || code?.startsWith("ERR_SSL")) {
    return `TLS failed: ${e.message} (${code}).`;
  }
  const message = e instanceof Error ? e.message : String(err);
  return `${message.slice(0, 300)}${code ? ` (${code})` : ""}.`;
}
