import type http from "node:http";
import { env } from "@/lib/env";
import { CLIENT_IP_HEADER, markForwardingResolved, resolveForwarded } from "@/lib/security/forwarded";

// What a client may say about the route its request took; believed only from trusted proxies.
const FORWARDING = new Set(["forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip"]);

/**
 * Rewrites a request's headers before anything reads them (the API routes, Next.js and the
 * form routes behind it): the x-forwarded-* headers stay only when TRUST_PROXY proxies
 * wrote them, Host and Proto reduced to the values those proxies vouch for; no client can
 * send an `x-kassa-*` header of ours; `x-kassa-client-ip` says who the client is.
 */
export function trustForwarding(req: http.IncomingMessage, trustProxy = env().TRUST_PROXY): void {
  markForwardingResolved();
  const headers = req.headers;
  const resolved = resolveForwarded(headers, req.socket.remoteAddress, trustProxy);
  const set: Record<string, string> = { [CLIENT_IP_HEADER]: resolved.ip ?? "unknown" };
  if (resolved.host) set["x-forwarded-host"] = resolved.host;
  if (resolved.proto) set["x-forwarded-proto"] = resolved.proto;
  const drop = (name: string) =>
    name.startsWith("x-kassa-") ||
    (FORWARDING.has(name) && (trustProxy === 0 || name === "x-forwarded-host" || name === "x-forwarded-proto"));

  for (const name of Object.keys(headers)) if (drop(name)) delete headers[name];
  Object.assign(headers, set);
  const raw = req.rawHeaders;
  const kept: string[] = [];
  for (let i = 0; i < raw.length; i += 2) if (!drop(raw[i]!.toLowerCase())) kept.push(raw[i]!, raw[i + 1]!);
  for (const [name, value] of Object.entries(set)) kept.push(name, value);
  raw.splice(0, raw.length, ...kept);
}
