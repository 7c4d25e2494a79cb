import { KEY_TAKEN, merchantRoute } from "@/lib/api/merchant-route";
import { notFound } from "@/lib/errors";
import { createSession } from "@/lib/checkout/create-session";
import { listSessionObjects } from "@/lib/checkout/get-session";
import { createSessionInput, listSessionsQuery } from "@/lib/checkout/schemas";

// POST /api/v1/checkout/sessions – create a checkout session
export const POST = merchantRoute(
  { body: createSessionInput, storesResponse: true },
  async ({ db, merchant, livemode, body, now, storeResponse }) => {
    const session = await createSession(db, {
      merchant,
      livemode,
      input: body,
      now,
      storeResponse: storeResponse ? (s) => storeResponse({ status: 201, body: s }) : undefined,
    });
    return session ? { status: 201, body: session } : KEY_TAKEN;
  },
);

// GET /api/v1/checkout/sessions – list sessions, newest first
export const GET = merchantRoute({ query: listSessionsQuery }, async ({ db, scope, query, now }) => {
  const { "customer.email": customerEmail, customerEmail: email, customerPhone: phone, customerName: name, ...rest } = query;
  const page = await listSessionObjects(db, { ...scope, ...rest, customerEmail, buyer: { email, phone, name } }, now);
  if (!page) throw notFound("checkout session", query.startingAfter ?? query.endingBefore ?? "");
  return { body: page };
});
