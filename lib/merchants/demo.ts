import { createHmac } from "node:crypto";
import { serverSecret } from "@/lib/security/secret";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** The demo merchant's name: the demo store's (app/demo) and so its checkout's. */
export const DEMO_MERCHANT_NAME = "Ìyá Àdùké Market";

/** Names the demo merchant was created with before: boot still finds it on an older database. */
export const LEGACY_DEMO_MERCHANT_NAMES = ["Demo Store"] as const;

/**
 * The demo merchant's test key, derived from the server secret so that the demo store can use
 * it after a restart without the database ever holding it. Test mode only: it moves no money.
 */
export function demoTestKey(): string {
  let n = BigInt(`0x${createHmac("sha256", serverSecret()).update("kassa demo merchant test key v1").digest("hex")}`);
  let out = "";
  while (out.length < 32) {
    out += ALPHABET[Number(n % 62n)];
    n /= 62n;
  }
  return `sk_test_${out}`;
}
