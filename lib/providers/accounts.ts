// Reading provider accounts (SPEC 8): one, or a page of them, of one merchant and mode. A
// disconnected account is gone from here: 404, and absent from the list.
import type { Database } from "@/db/client";
import type { PageParams } from "@/db/queries/pagination";
import { findProviderAccount, listProviderAccounts, type ProviderAccountRow } from "@/db/queries/provider-accounts";
import type { Scope } from "@/db/queries/scope";
import { publicUrl } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { looksLikeId } from "@/lib/ids";
import { adapterOf, isAdapterName, type ProviderAdapter } from "@/lib/providers";
import type { ProviderAccountObject } from "./account-schemas";

/** Where the provider posts its notifications for the account (the lead's provider-events route). */
export function accountWebhookUrl(id: string): string {
  return `${publicUrl()}/api/v1/provider-events/${id}`;
}

export function accountToObject(row: ProviderAccountRow): ProviderAccountObject {
  return {
    id: row.id,
    object: "provider_account",
    provider: adapterNameOf(row),
    livemode: row.livemode,
    rails: row.rails,
    currencies: row.currencies,
    status: row.status,
    credentialsHint: row.credentialsHint,
    webhookUrl: accountWebhookUrl(row.id),
    createdAt: row.createdAt.toISOString(),
  };
}

/** Accounts are only ever connected through an adapter; a row naming another provider is a fault. */
function adapterNameOf(row: ProviderAccountRow) {
  if (!isAdapterName(row.provider)) throw new Error(`provider account ${row.id} names ${row.provider}, which has no adapter`);
  return row.provider;
}

export function adapterOfAccount(row: ProviderAccountRow): ProviderAdapter {
  return adapterOf(adapterNameOf(row));
}

/** The account, or a 404 for a disconnected one or one of another merchant or mode. */
export async function requireAccount(db: Database, scope: Scope, id: string): Promise<ProviderAccountRow> {
  const row = looksLikeId(id, "pa_") ? await findProviderAccount(db, scope, id) : null;
  if (!row) throw notFound("provider account", id);
  return row;
}

export async function getAccount(db: Database, scope: Scope, id: string): Promise<ProviderAccountObject> {
  return accountToObject(await requireAccount(db, scope, id));
}

/** A page of accounts, newest first; null when the cursor is not one of this scope's accounts. */
export async function listAccountObjects(db: Database, params: Scope & PageParams) {
  const page = await listProviderAccounts(db, params);
  if (!page) return null;
  return { object: "list" as const, data: page.data.map(accountToObject), hasMore: page.hasMore };
}
