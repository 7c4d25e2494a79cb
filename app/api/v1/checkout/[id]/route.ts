import { buyerPreflight, buyerRoute } from "@/lib/api/buyer-route";
import { notFound } from "@/lib/errors";
import { loadCheckout } from "@/lib/checkout/load-checkout";
import { publicSession } from "@/lib/checkout/public-view";

// GET /api/v1/checkout/{id} – the buyer's view of a session (the id is the credential)
export const GET = buyerRoute(async ({ db, session, now }) => {
  const checkout = await loadCheckout(db, session.id, now);
  if (!checkout) throw notFound("checkout session", session.id);
  return { body: publicSession(checkout.session, checkout.merchant, checkout.payments) };
});

export const OPTIONS = buyerPreflight("GET, POST");
