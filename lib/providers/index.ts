// Which processor takes a payment (SPEC 8, Routing): the merchant's newest active account of the
// session's mode that serves the rail in the session's currency; in test mode with none, the
// built-in sandbox. Live mode has no sandbox: a rail no account serves is not offered.
import type { Database } from "@/db/client";
import { activeProviderAccounts, type ProviderAccountRow } from "@/db/queries/provider-accounts";
import type { Scope } from "@/db/queries/scope";
import type { Currency } from "@/lib/money/currencies";
import { RAILS, railServes, type Rail } from "@/lib/rails";
import { openCredentials } from "@/lib/security/credentials";
import { paystackAdapter } from "./paystack";
import { sandboxProvider } from "./sandbox";
import type { AccountContext, PaymentProvider, ProviderAdapter, ProviderName } from "./types";

export type { PaymentProvider, ProviderAdapter, ProviderName } from "./types";

/** The processors merchants can connect accounts of. Adding one: its folder, and a line here. */
export const ADAPTERS = {
  paystack: paystackAdapter,
} as const satisfies Partial<Record<Exclude<ProviderName, "sandbox">, { name: ProviderName }>>;

export type AdapterName = keyof typeof ADAPTERS;

export function isAdapterName(name: string): name is AdapterName {
  return Object.hasOwn(ADAPTERS, name);
}

export function adapterOf(name: AdapterName): ProviderAdapter {
  // Each adapter checks the credentials it is handed with its own `credentials` schema first.
  return ADAPTERS[name] as unknown as ProviderAdapter;
}

/** The provider a payment was made through, by its recorded name. */
export function providerNamed(name: ProviderName): PaymentProvider | null {
  if (name === "sandbox") return sandboxProvider;
  return isAdapterName(name) ? adapterOf(name) : null;
}

/** The rails and currencies an account of `provider` serves by default: all its adapter can. */
export function defaultsOf(name: AdapterName): { rails: Rail[]; currencies: Currency[] } {
  const a = adapterOf(name);
  const currencies = a.currencies === "*" ? [] : [...a.currencies];
  return { rails: [...a.rails], currencies };
}

/** An account's credentials, opened for one call; never kept, never logged. */
export function accountContext(row: ProviderAccountRow): AccountContext {
  return { id: row.id, livemode: row.livemode, credentials: openCredentials(row.id, { credentials: row.credentials, keyId: row.keyId }) };
}

/** Who takes a payment on one rail: a connected account, or the sandbox (test mode only). */
export type Route = { provider: PaymentProvider; account: ProviderAccountRow | null };

function serves(row: ProviderAccountRow, rail: Rail, currency: Currency): boolean {
  const provider = providerNamed(row.provider);
  return !!provider && provider.rails.includes(rail) && row.rails.includes(rail) && row.currencies.includes(currency);
}

/** Each rail's route for a session of this scope and currency; a rail nothing serves is absent. */
export async function routesFor(db: Database, scope: Scope, currency: Currency): Promise<Partial<Record<Rail, Route>>> {
  const accounts = await activeProviderAccounts(db, scope, { currency });
  const out: Partial<Record<Rail, Route>> = {};
  for (const rail of RAILS) {
    if (!railServes(rail, currency)) continue;
    // Newest first: the first account that serves the rail takes it.
    const account = accounts.find((a) => serves(a, rail, currency));
    if (account) out[rail] = { provider: providerNamed(account.provider)!, account };
    else if (!scope.livemode) out[rail] = { provider: sandboxProvider, account: null };
  }
  return out;
}

/** The route of one rail, or null when nothing serves it. */
export async function routeFor(db: Database, scope: Scope, rail: Rail, currency: Currency): Promise<Route | null> {
  return (await routesFor(db, scope, currency))[rail] ?? null;
}
