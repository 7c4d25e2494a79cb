import { createHash } from "node:crypto";
import type { Database, DatabaseHandle } from "@/db/client";
import { findActiveKeyByHash, findKeyByHash, findKeysByIdOrPrefix, insertApiKey, KEYS_CHANGED_CHANNEL, revokeApiKey } from "@/db/queries/api-keys";
import type { MerchantRow } from "@/db/queries/merchants";
import { newId, randomBase62 } from "@/lib/ids";
import { processState } from "@/lib/process-state";

const KEY_PATTERN = /^sk_(test|live)_[0-9A-Za-z]{32}$/;
const DISPLAY_PREFIX_LENGTH = 14; // "sk_test_" + 6 characters: enough to tell keys apart

export function hashKey(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export type CreatedKey = { id: string; secret: string; prefix: string; livemode: boolean };

/** Creates a key; its secret is returned here once and never stored. */
export async function createApiKey(db: Database, merchantId: string, livemode: boolean, given?: string): Promise<CreatedKey> {
  const secret = given ?? `sk_${livemode ? "live" : "test"}_${randomBase62(32)}`; // 190 bits
  if (!KEY_PATTERN.test(secret) || secret.startsWith("sk_live_") !== livemode) throw new Error("malformed API key");
  const prefix = secret.slice(0, DISPLAY_PREFIX_LENGTH);
  const row = await insertApiKey(db, { id: newId("apiKey"), merchantId, livemode, hash: hashKey(secret), prefix });
  return { id: row.id, secret, prefix, livemode };
}

export type Authenticated = { merchant: MerchantRow; livemode: boolean; keyId: string };

// Every API request starts with its key: a server remembers the keys it has seen, and forgets
// them all when any key is revoked anywhere (NOTIFY, see listenForKeyChanges) or after a minute.
// Only a server that listens remembers: a process that could miss a revocation never caches.
const CACHE_TTL_MS = 60_000;
const CACHE_MAX = 10_000;
type KeyCache = { on: boolean; entries: Map<string, { value: Authenticated; until: number }> };
const keyCacheSlot = processState<KeyCache>("keyCache");
const keyCache = (): KeyCache => (keyCacheSlot.value ??= { on: false, entries: new Map() });

/** Starts remembering keys, once this process hears every revocation. */
export async function listenForKeyChanges(handle: Pick<DatabaseHandle, "listen">): Promise<void> {
  const cache = keyCache();
  await handle.listen(KEYS_CHANGED_CHANNEL, () => cache.entries.clear());
  cache.on = true;
}

/** The merchant and mode a bearer secret stands for, or null for unknown, revoked or malformed keys. */
export async function authenticateKey(db: Database, secret: string): Promise<Authenticated | null> {
  if (!KEY_PATTERN.test(secret)) return null;
  const hash = hashKey(secret);
  const cache = keyCache();
  const at = Date.now();
  const hit = cache.entries.get(hash);
  if (hit && hit.until > at) return hit.value;
  const found = await findActiveKeyByHash(db, hash);
  if (!found) return null;
  const value = { merchant: found.merchant, livemode: found.key.livemode, keyId: found.key.id };
  if (cache.on) {
    if (cache.entries.size >= CACHE_MAX) cache.entries.clear();
    cache.entries.set(hash, { value, until: at + CACHE_TTL_MS });
  }
  return value;
}

export type RevokeResult =
  | { ok: true; id: string; prefix: string }
  | { ok: false; reason: "not_found" | "ambiguous" | "already_revoked"; matches?: string[] };

export async function revokeApiKeyByIdOrPrefix(db: Database, idOrPrefix: string, now: Date): Promise<RevokeResult> {
  // The whole key, as an operator may paste it, is found by its hash (only hashes are kept).
  const whole = KEY_PATTERN.test(idOrPrefix);
  // A bare "sk_test_" would match every key: ask for a few characters of the random part.
  if (!whole && idOrPrefix.length < 12) return { ok: false, reason: "not_found" };
  const matches = whole ? [await findKeyByHash(db, hashKey(idOrPrefix))].filter((k) => k !== null) : await findKeysByIdOrPrefix(db, idOrPrefix);
  const exact = matches.find((k) => k.id === idOrPrefix);
  const candidates = exact ? [exact] : matches;
  if (candidates.length === 0) return { ok: false, reason: "not_found" };
  if (candidates.length > 1) return { ok: false, reason: "ambiguous", matches: candidates.map((k) => k.prefix) };
  const target = candidates[0]!;
  const revoked = await revokeApiKey(db, target.id, now);
  if (!revoked) return { ok: false, reason: "already_revoked" };
  return { ok: true, id: revoked.id, prefix: revoked.prefix };
}
