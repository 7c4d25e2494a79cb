// Provider credentials at rest (SPEC 8): AES-256-GCM under a key derived from KASSA_SECRET
// with HKDF, bound to the account they belong to. The key id says which secret sealed them,
// so KASSA_SECRET can be rotated: the old one, in KASSA_PREVIOUS_SECRETS, still opens them.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { serverSecret } from "./secret";

const INFO = "kassa/provider-credentials/v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

type Key = { id: string; key: Buffer };

const derived = new Map<string, Key>();

/** HKDF once per secret: every payment opens its account's credentials. */
function deriveKey(secret: string): Key {
  const known = derived.get(secret);
  if (known) return known;
  const key = Buffer.from(hkdfSync("sha256", secret, "kassa", INFO, 32));
  // The id is a hash of the derived key: it names the key without revealing it.
  const made = { id: `k1_${createHash("sha256").update(key).digest("hex").slice(0, 16)}`, key };
  derived.set(secret, made);
  return made;
}

function currentKey(): Key {
  return deriveKey(serverSecret());
}

function knownKeys(): Key[] {
  const previous = (env().KASSA_PREVIOUS_SECRETS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return [currentKey(), ...previous.map(deriveKey)];
}

export type Sealed = { credentials: string; keyId: string };

/** Encrypts `value` for the account `accountId`: base64url of iv, tag and ciphertext. */
export function sealCredentials(accountId: string, value: unknown): Sealed {
  const { id, key } = currentKey();
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(accountId));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return { credentials: Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url"), keyId: id };
}

export class CredentialsUnreadable extends Error {
  constructor(keyId: string) {
    super(`The credentials were sealed under key ${keyId}, which this install does not have: set KASSA_SECRET (or KASSA_PREVIOUS_SECRETS) to the secret that sealed them.`);
    this.name = "CredentialsUnreadable";
  }
}

/** Decrypts what sealCredentials produced; throws CredentialsUnreadable without the right key. */
export function openCredentials(accountId: string, sealed: Sealed): unknown {
  const key = knownKeys().find((k) => k.id === sealed.keyId);
  if (!key) throw new CredentialsUnreadable(sealed.keyId);
  const raw = Buffer.from(sealed.credentials, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key.key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(accountId));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  const text = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  return JSON.parse(text) as unknown;
}

/** Whether the credentials should be sealed again under the current key (after a rotation). */
export function sealedUnderOldKey(sealed: Sealed): boolean {
  return sealed.keyId !== currentKey().id;
}
