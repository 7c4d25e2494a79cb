import { randomBytes } from "node:crypto";

export const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * Random base62 of `length` characters, without modulo bias (rejection sampling).
 * 24 characters carry 142 bits, above the 128 the spec asks of a session id.
 */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248) out += BASE62[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

export const PREFIXES = {
  sessionTest: "cs_test_",
  sessionLive: "cs_live_",
  payment: "pay_",
  event: "evt_",
  webhookEndpoint: "we_",
  delivery: "whd_",
  deliveryAttempt: "wha_",
  request: "req_",
  merchant: "mer_",
  apiKey: "key_",
} as const;

export type IdKind = keyof typeof PREFIXES;

export function newId(kind: IdKind, length = 24): string {
  return PREFIXES[kind] + randomBase62(length);
}

export function sessionId(livemode: boolean): string {
  return newId(livemode ? "sessionLive" : "sessionTest");
}

/** True when `id` has the given prefix and a plausible base62 body; guards lookups from junk. */
export function looksLikeId(id: string, prefix: string): boolean {
  return id.startsWith(prefix) && /^[0-9A-Za-z]{16,64}$/.test(id.slice(prefix.length));
}
