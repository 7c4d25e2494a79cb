import type { Database } from "@/db/client";
import { updateProviderAccount, type ProviderAccountChanges, type ProviderAccountRow } from "@/db/queries/provider-accounts";
import type { Scope } from "@/db/queries/scope";
import { notFound } from "@/lib/errors";
import { log } from "@/lib/log";
import { CredentialsUnreadable, openCredentials, sealCredentials, sealedUnderOldKey } from "@/lib/security/credentials";
import type { ProviderAccountObject, UpdateAccountInput } from "./account-schemas";
import { accountToObject, adapterOfAccount, requireAccount } from "./accounts";
import { assertServes, confirmWithProvider, readCredentials } from "./check-credentials";

export type UpdateAccountOptions = { scope: Scope; id: string; input: UpdateAccountInput; now: Date };

/** The stored credentials sealed again under the current KASSA_SECRET, or null when they need not (or cannot) be. */
function resealed(row: ProviderAccountRow) {
  const sealed = { credentials: row.credentials, keyId: row.keyId };
  if (!sealedUnderOldKey(sealed)) return null;
  try {
    return sealCredentials(row.id, openCredentials(row.id, sealed));
  } catch (err) {
    // The other changes still apply (disabling a broken account must work); the operator's fix is the secret.
    if (!(err instanceof CredentialsUnreadable)) throw err;
    log.warn({ accountId: row.id, keyId: row.keyId }, "provider credentials sealed under an unknown key: set KASSA_PREVIOUS_SECRETS");
    return null;
  }
}

/**
 * Changes an account's rails, currencies, status or credentials. New credentials are checked
 * as on connect (same provider, same mode, one call to it) before anything is written; kept
 * ones are sealed again when an older secret sealed them (after a KASSA_SECRET rotation).
 */
export async function updateAccount(db: Database, opts: UpdateAccountOptions): Promise<ProviderAccountObject> {
  const { scope, id, input, now } = opts;
  const before = await requireAccount(db, scope, id);
  const adapter = adapterOfAccount(before);
  const credentials = input.credentials === undefined ? undefined : readCredentials(adapter, input.credentials, scope.livemode);
  assertServes(adapter, input);

  const changes: ProviderAccountChanges = { updatedAt: now };
  if (input.rails !== undefined) changes.rails = input.rails;
  if (input.currencies !== undefined) changes.currencies = input.currencies;
  if (input.status !== undefined) changes.status = input.status;
  if (credentials !== undefined) {
    // Outside any transaction: the processor may take seconds to answer.
    await confirmWithProvider(adapter, credentials);
    const sealed = sealCredentials(before.id, credentials);
    Object.assign(changes, { credentials: sealed.credentials, keyId: sealed.keyId, credentialsHint: adapter.hint(credentials) });
  } else {
    const sealed = resealed(before);
    if (sealed) Object.assign(changes, { credentials: sealed.credentials, keyId: sealed.keyId });
  }

  const row = await updateProviderAccount(db, scope, id, changes);
  if (!row) throw notFound("provider account", id);
  return accountToObject(row);
}
