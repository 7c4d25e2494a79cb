import { notFound } from "@/lib/errors";
import { merchantRoute } from "@/lib/api/merchant-route";
import { connectAccountInput, listAccountsQuery } from "@/lib/providers/account-schemas";
import { listAccountObjects } from "@/lib/providers/accounts";
import { connectAccount } from "@/lib/providers/connect-account";

// POST /api/v1/provider-accounts – connect an account at a processor; its credentials are checked with it, then sealed
export const POST = merchantRoute({ body: connectAccountInput, callsProvider: true }, async ({ db, scope, body, now }) => ({
  status: 201,
  body: await connectAccount(db, { scope, input: body, now }),
}));

// GET /api/v1/provider-accounts – list connected accounts, newest first
export const GET = merchantRoute({ query: listAccountsQuery }, async ({ db, scope, query }) => {
  const page = await listAccountObjects(db, { ...scope, ...query });
  if (!page) throw notFound("provider account", query.startingAfter ?? query.endingBefore ?? "");
  return { body: page };
});
