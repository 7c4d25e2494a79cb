import { renderBuyerPage, NotFoundPage } from "@/components/checkout/buyer-page";
import { CheckoutPageView } from "@/components/checkout/checkout-page";
import { buyerPage } from "@/lib/api/buyer-page";
import { checkoutPageProps } from "@/lib/checkout/page-props";

// GET /checkout/{id} – the buyer's checkout page, rendered here to plain HTML: no framework
// script, one small script of our own (public/checkout.js, from lib/checkout/enhance). A cheap
// phone on a slow network gets a page it can use at once. Its forms post to ./*/route.ts.
export const GET = buyerPage(async (id, { query, acceptLanguage, nonce, assets }) => {
  const { props, policy } = await checkoutPageProps(id, query, acceptLanguage, nonce);
  if (!props.found) return { status: 404, policy, html: renderBuyerPage(<NotFoundPage locale={props.locale} assets={assets} />) };
  return { policy, html: renderBuyerPage(<CheckoutPageView {...props} assets={assets} />) };
});
