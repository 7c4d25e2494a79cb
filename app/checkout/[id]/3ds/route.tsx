import { renderBuyerPage, NotFoundPage } from "@/components/checkout/buyer-page";
import { ThreeDsPageView } from "@/components/checkout/three-ds-page";
import { buyerPage } from "@/lib/api/buyer-page";
import { challengePageProps } from "@/lib/checkout/page-props";

// GET /checkout/{id}/3ds – the sandbox's 3-D Secure step, plain HTML like the checkout page;
// the checkout page (or the merchant, once paid) when no challenge waits.
export const GET = buyerPage(async (id, { acceptLanguage, nonce, assets }) => {
  const { props, policy } = await challengePageProps(id, acceptLanguage, nonce);
  if (!props.found) return { status: 404, policy, html: renderBuyerPage(<NotFoundPage locale={props.locale} assets={assets} />) };
  if ("redirect" in props) return { redirect: props.redirect };
  return { policy, html: renderBuyerPage(<ThreeDsPageView {...props} assets={assets} />) };
});
