import { buyerPage } from "@/lib/api/buyer-page";
import { returnFromProvider } from "@/lib/checkout/return-from-provider";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";

// GET /checkout/{id}/return?payment=pay_… – back from a processor's own page: its outcome, asked
// of the processor, then the merchant (paid) or the checkout page.
export const GET = buyerPage(async (id, { query }) => ({
  redirect: await returnFromProvider(await getDb(), { sessionId: id, paymentId: query.get("payment"), at: now() }),
}));
