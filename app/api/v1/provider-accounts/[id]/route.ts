import { merchantRoute } from "@/lib/api/merchant-route";
import { updateAccountInput } from "@/lib/providers/account-schemas";
import { getAccount } from "@/lib/providers/accounts";
import { disconnectAccount } from "@/lib/providers/disconnect-account";
import { updateAccount } from "@/lib/providers/update-account";

// GET /api/v1/provider-accounts/{id} – retrieve an account (never its credentials)
export const GET = merchantRoute({}, async ({ db, scope, params }) => ({
  body: await getAccount(db, scope, params.id!),
}));

// PATCH /api/v1/provider-accounts/{id} – change rails, currencies, status or credentials
export const PATCH = merchantRoute({ body: updateAccountInput }, async ({ db, scope, params, body, now }) => ({
  body: await updateAccount(db, { scope, id: params.id!, input: body, now }),
}));

// DELETE /api/v1/provider-accounts/{id} – disconnect an account; it routes no payment from now on
export const DELETE = merchantRoute({}, async ({ db, scope, params, now }) => ({
  body: await disconnectAccount(db, scope, params.id!, now),
}));
