import net from "node:net";
import { env } from "@/lib/env";
import { isCleanHost } from "./origin";
import { processState } from "@/lib/process-state";

/**
 * Who the client is, and what address it asked for, as far as this server can know (SPEC 6).
 * The socket's peer is the client unless `TRUST_PROXY` proxies stand in front; then each
 * trusted proxy accounts for one X-Forwarded-For entry counted from the right, and only then
 * are X-Forwarded-Host and X-Forwarded-Proto believed. Anything further left was written by
 * whoever the first trusted proxy talked to, and proves nothing.
 */
export type Forwarded = {
  /** The client's address, or null when nothing trustworthy says it. */
  ip: string | null;
  /** `host[:port]` the client asked a trusted proxy for; null without one. */
  host: string | null;
  proto: "http" | "https" | null;
};

export type HeaderBag = Record<string, string | string[] | undefined>;

/** The request header in which lib/server/main.ts hands the routes the resolved client IP. */
export const CLIENT_IP_HEADER = "x-kassa-client-ip";

const list = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value.join(",") : (value ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** The entry the farthest of `trusted` proxies wrote: counted from the right, never past the left end. */
const vouched = <T>(entries: T[], trusted: number): T | undefined => entries[Math.max(0, entries.length - trusted)];

/** An address as a stable key: without brackets, a port, or the IPv4-mapped IPv6 prefix. */
export function normalizeIp(value: string): string {
  let v = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracketed) v = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(":"));
  if (/^::ffff:[\d.]+$/i.test(v)) v = v.slice(7);
  // Not an address (a proxy that writes something else, or too few proxies): a bounded key all the same.
  return net.isIP(v) ? v.toLowerCase() : v.slice(0, 64);
}

/** `host[:port]` with a host of letters, digits, hyphens and dots, or an IP literal. */
function cleanHostPort(value: string): string | null {
  const m = /^(.+?)(?::(\d{1,5}))?$/.exec(value.toLowerCase());
  return m && isCleanHost(m[1]!) ? m[0] : null;
}

/**
 * Resolves one request. `socketAddress` is the TCP peer; undefined where it cannot be seen
 * (under `next dev`), in which case no header can stand in for it when nothing is trusted.
 */
export function resolveForwarded(headers: HeaderBag, socketAddress: string | undefined, trustProxy: number): Forwarded {
  if (trustProxy <= 0) return { ip: socketAddress ? normalizeIp(socketAddress) : null, host: null, proto: null };
  // The socket's peer is the nearest trusted proxy; the last entry is the peer it saw, and so on.
  // No entry at all: a request to the proxy's own address, or straight to ours.
  const ip = vouched(list(headers["x-forwarded-for"]), trustProxy) ?? socketAddress;
  const host = vouched(list(headers["x-forwarded-host"]), trustProxy);
  const proto = vouched(list(headers["x-forwarded-proto"]), trustProxy)?.toLowerCase();
  return {
    ip: ip ? normalizeIp(ip) : null,
    host: host ? cleanHostPort(host) : null,
    proto: proto === "http" || proto === "https" ? proto : null,
  };
}

const forwarding = processState<boolean>("forwarding");

/** Called by the production server, which resolves every request before any route sees it. */
export function markForwardingResolved(): void {
  forwarding.value = true;
}

/**
 * The client's IP for rate limits and logs. Under the production server it is the header that
 * server set (any copy a client sent was removed first). Elsewhere (`next dev`, `next start`)
 * no route can see the socket: X-Forwarded-For is used only as far as TRUST_PROXY says, and
 * with no proxy trusted every client shares one key, so that none can pick its own.
 */
export function clientIp(headers: Headers): string {
  if (forwarding.value) return headers.get(CLIENT_IP_HEADER) ?? "unknown";
  return resolveForwarded({ "x-forwarded-for": headers.get("x-forwarded-for") ?? undefined }, undefined, env().TRUST_PROXY).ip ?? "unknown";
}
