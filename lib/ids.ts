import { randomFillSync } from "node:crypto";

export const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// Random bytes are drawn 4 KiB at a time and each used once, as crypto.randomUUID does: a call
// into the generator per id (three or four per request) cost more than the ids themselves.
const pool = Buffer.alloc(4096);
let used = pool.length;

function randomByte(): number {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  return pool[used++]!;
}

/**
 * Random base62 of `length` characters, without modulo bias (rejection sampling).
 * 24 characters carry 142 bits, above the 128 the spec asks of a session id.
 */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    const byte = randomByte();
    if (byte < 248) out += BASE62[byte % 62];
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
  providerAccount: "pa_",
  refund: "re_",
  mail: "mail_",
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
