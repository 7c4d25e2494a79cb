import { renderBuyerPage } from "@/components/checkout/buyer-page";
import { ReceiptNotFound, ReceiptPage } from "@/components/checkout/receipt-page";
import { buyerPage } from "@/lib/api/buyer-page";
import { findReceipt, receiptOf } from "@/lib/checkout/receipt";
import { getDb } from "@/lib/db";
import { resolveLocale } from "@/lib/i18n/negotiate";

// GET /checkout/{id}/receipt?payment={paymentId} – a succeeded payment's printable receipt (the
// payment's `receiptUrl`, mailed to the buyer): plain HTML and the stylesheet, no script.
export const GET = buyerPage(async (id, { query, acceptLanguage, nonce, assets }) => {
  const found = await findReceipt(await getDb(), id, query.get("payment") ?? "");
  if (!found) {
    return { status: 404, policy: null, html: renderBuyerPage(<ReceiptNotFound locale={resolveLocale("auto", acceptLanguage)} assets={assets} nonce={nonce} />) };
  }
  const locale = resolveLocale(found.session.locale, acceptLanguage);
  const receipt = receiptOf(found.session, found.payment, found.merchant, locale);
  return { policy: null, html: renderBuyerPage(<ReceiptPage receipt={receipt} assets={assets} nonce={nonce} />) };
});
