import type { Database } from "@/db/client";
import { insertProviderAccount } from "@/db/queries/provider-accounts";
import type { Scope } from "@/db/queries/scope";
import { newId } from "@/lib/ids";
import { adapterOf, defaultsOf } from "@/lib/providers";
import { sealCredentials } from "@/lib/security/credentials";
import type { ConnectAccountInput, ProviderAccountObject } from "./account-schemas";
import { accountToObject } from "./accounts";
import { assertServes, confirmWithProvider, readCredentials } from "./check-credentials";

export type ConnectAccountOptions = { scope: Scope; input: ConnectAccountInput; now: Date };

/**
 * Connects a merchant's account at a processor in the scope's mode: the credentials are
 * checked (shape, mode, then one call to the processor) and stored sealed; the answer shows
 * only their hint, and the URL to give the processor for its notifications.
 */
export async function connectAccount(db: Database, opts: ConnectAccountOptions): Promise<ProviderAccountObject> {
  const { scope, input, now } = opts;
  const adapter = adapterOf(input.provider);
  const credentials = readCredentials(adapter, input.credentials, scope.livemode);
  assertServes(adapter, input);
  const defaults = defaultsOf(input.provider);
  // Outside any transaction: the processor may take seconds to answer.
  await confirmWithProvider(adapter, credentials);
  // The id is the sealed credentials' associated data: they open only for this account.
  const id = newId("providerAccount");
  const sealed = sealCredentials(id, credentials);
  const row = await insertProviderAccount(db, {
    id,
    merchantId: scope.merchantId,
    livemode: scope.livemode,
    provider: input.provider,
    rails: input.rails ?? defaults.rails,
    currencies: input.currencies ?? defaults.currencies,
    status: "active",
    credentialsHint: adapter.hint(credentials),
    credentials: sealed.credentials,
    keyId: sealed.keyId,
    createdAt: now,
    updatedAt: now,
  });
  return accountToObject(row);
}
