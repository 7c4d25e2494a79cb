// Provider accounts for the tests: Paystack keys the emulator knows, connected with the CLI
// (as an operator would) before a server holds the database.
import { randomBytes } from "node:crypto";
import type { PaystackEmulator } from "./paystack";
import { cli, type Database, type MerchantKeys } from "./stack";

export type PaystackAccount = { id: string; secretKey: string; webhookUrl: string };

/** What a Kassa server (and the CLI) needs to talk to the emulator instead of Paystack. */
export const PAYSTACK_SERVER_ENV = (emulatorUrl: string): Record<string, string> => ({
  PAYSTACK_BASE_URL: emulatorUrl,
  PAYSTACK_CHECKOUT_URL: emulatorUrl,
  // A hang is an unknown outcome after this long (10 s in production).
  PROVIDER_TIMEOUT_MS: "1500",
  // Reconciliation on a test scale: the first look after 60 ms instead of a minute.
  RECONCILE_TIME_SCALE: "0.001",
  RECONCILE_INTERVAL_MS: "100",
});

export function paystackKey(mode: "test" | "live"): string {
  return `sk_${mode}_${randomBytes(20).toString("hex")}`;
}

/** Registers a fresh key with the emulator and connects it for `merchant` with `kassa provider connect`. */
export async function connectPaystack(
  db: Pick<Database, "url" | "dataDir">,
  emulator: PaystackEmulator,
  merchant: MerchantKeys,
  mode: "test" | "live",
  env: Record<string, string>,
): Promise<PaystackAccount> {
  const secretKey = paystackKey(mode);
  await emulator.registerKey({ secretKey });
  const { stdout } = await cli(db, ["provider", "connect", "--merchant", merchant.id, "--mode", mode, "--provider", "paystack", "--secret-key", secretKey, "--json"], env);
  const account = JSON.parse(stdout) as { id: string; webhookUrl: string };
  return { id: account.id, secretKey, webhookUrl: account.webhookUrl };
}
