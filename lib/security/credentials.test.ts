import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { processState } from "@/lib/process-state";

const SECRET_A = "rotation-test-secret-A-0123456789abcdef";
const SECRET_B = "rotation-test-secret-B-0123456789abcdef";
const PAYSTACK_KEY = "sk_live_4f2aZ9xQ7mL3pR8tW1vY6nB0cD5eH2jK";
const ACCOUNT = "pa_0123456789abcdefghijABCD";

const saved = { secret: process.env.KASSA_SECRET, previous: process.env.KASSA_PREVIOUS_SECRETS };

/**
 * The credentials module as a process started with these secrets sees it: env() caches the
 * environment per module copy, and the server secret lives in a process-state slot.
 */
async function withSecrets(current: string, previous?: string) {
  process.env.KASSA_SECRET = current;
  if (previous === undefined) delete process.env.KASSA_PREVIOUS_SECRETS;
  else process.env.KASSA_PREVIOUS_SECRETS = previous;
  processState<string>("secret").value = undefined;
  vi.resetModules();
  return import("./credentials");
}

beforeEach(() => {
  processState<string>("secret").value = undefined;
});

afterEach(() => {
  for (const [name, value] of [["KASSA_SECRET", saved.secret], ["KASSA_PREVIOUS_SECRETS", saved.previous]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  processState<string>("secret").value = undefined;
});

describe("sealed provider credentials", () => {
  it("open to what was sealed, for the account they were sealed for", async () => {
    const c = await withSecrets(SECRET_A);
    const sealed = c.sealCredentials(ACCOUNT, { secretKey: PAYSTACK_KEY });
    expect(sealed.keyId).toMatch(/^k1_[0-9a-f]{16}$/);
    expect(c.openCredentials(ACCOUNT, sealed)).toEqual({ secretKey: PAYSTACK_KEY });
    expect(c.sealedUnderOldKey(sealed)).toBe(false);
  });

  it("differ each time the same value is sealed (a fresh IV)", async () => {
    const c = await withSecrets(SECRET_A);
    const one = c.sealCredentials(ACCOUNT, { secretKey: PAYSTACK_KEY });
    const two = c.sealCredentials(ACCOUNT, { secretKey: PAYSTACK_KEY });
    expect(one.credentials).not.toBe(two.credentials);
    expect(one.keyId).toBe(two.keyId);
  });

  it("do not open for another account: the account id is bound in as associated data", async () => {
    const c = await withSecrets(SECRET_A);
    const sealed = c.sealCredentials(ACCOUNT, { secretKey: PAYSTACK_KEY });
    expect(() => c.openCredentials("pa_someOtherAccount0000000", sealed)).toThrow();
  });

  it.each([
    ["the IV", 0],
    ["the tag", 12],
    ["the ciphertext", 30],
  ])("do not open once a byte of %s is changed", async (_part, offset) => {
    const c = await withSecrets(SECRET_A);
    const sealed = c.sealCredentials(ACCOUNT, { secretKey: PAYSTACK_KEY });
    const raw = Buffer.from(sealed.credentials, "base64url");
    raw[offset] = raw[offset]! ^ 0x01;
    expect(() => c.openCredentials(ACCOUNT, { ...sealed, credentials: raw.toString("base64url") })).toThrow();
  });

  it("do not open when cut short", async () => {
    const c = await withSecrets(SECRET_A);
    const sealed = c.sealCredentials(ACCOUNT, { secretKey: PAYSTACK_KEY });
    expect(() => c.openCredentials(ACCOUNT, { ...sealed, credentials: sealed.credentials.slice(0, -4) })).toThrow();
  });

  it("hold no part of the key they seal, nor of the server secret", async () => {
    const c = await withSecrets(SECRET_A);
    const sealed = c.sealCredentials(ACCOUNT, { secretKey: PAYSTACK_KEY });
    const stored = [sealed.credentials, sealed.keyId, Buffer.from(sealed.credentials, "base64url").toString("latin1")].join("\n");
    for (const secret of [PAYSTACK_KEY, SECRET_A]) {
      // Any 6 characters in a row of it, the prefix sk_live_ aside.
      for (let i = secret.startsWith("sk_") ? 8 : 0; i + 6 <= secret.length; i++) {
        expect(stored).not.toContain(secret.slice(i, i + 6));
      }
    }
  });

  it("sealed under an old secret still open with it in KASSA_PREVIOUS_SECRETS, and say they should be sealed again", async () => {
    const before = await withSecrets(SECRET_A);
    const sealed = before.sealCredentials(ACCOUNT, { secretKey: PAYSTACK_KEY });

    const after = await withSecrets(SECRET_B, ` other-old-secret-0123456789abcdefghij , ${SECRET_A}`);
    expect(after.sealedUnderOldKey(sealed)).toBe(true);
    expect(after.openCredentials(ACCOUNT, sealed)).toEqual({ secretKey: PAYSTACK_KEY });

    const again = after.sealCredentials(ACCOUNT, after.openCredentials(ACCOUNT, sealed));
    expect(again.keyId).not.toBe(sealed.keyId);
    expect(after.sealedUnderOldKey(again)).toBe(false);
    expect(after.openCredentials(ACCOUNT, again)).toEqual({ secretKey: PAYSTACK_KEY });
  });

  it("sealed under a secret the install no longer has are unreadable, with a message that names the key id only", async () => {
    const before = await withSecrets(SECRET_A);
    const sealed = before.sealCredentials(ACCOUNT, { secretKey: PAYSTACK_KEY });

    const after = await withSecrets(SECRET_B);
    let thrown: unknown;
    try {
      after.openCredentials(ACCOUNT, sealed);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(after.CredentialsUnreadable);
    const message = (thrown as Error).message;
    expect(message).toContain(sealed.keyId);
    expect(message).toContain("KASSA_PREVIOUS_SECRETS");
    expect(message).not.toContain(SECRET_A);
    expect(message).not.toContain(SECRET_B);
  });
});
