import { createHash } from "node:crypto";
import { findMerchant } from "@/db/queries/merchants";
import { findSessionById } from "@/db/queries/sessions";
import { brandCss } from "@/lib/security/colors";
import { getDb } from "@/lib/db";
import { resolveLocale } from "@/lib/i18n/negotiate";
import type { Locale } from "./schemas";
import { NO_FRAMING, originsOf, type FramePolicy } from "@/lib/security/csp";
import { isSessionId } from "./get-session";

export type CheckoutPagePolicy = { frame: FramePolicy; lang: Locale };

/**
 * What the response for a session's page needs before it renders: who may frame it (its
 * allowed origins in embedded mode, nobody otherwise) and the language of the document.
 */
export async function checkoutPagePolicy(id: string, acceptLanguage: string | null): Promise<CheckoutPagePolicy> {
  const row = isSessionId(id) ? await findSessionById(await getDb(), id) : null;
  if (!row) return { frame: NO_FRAMING, lang: resolveLocale("auto", acceptLanguage) };
  const merchant = await findMerchant(await getDb(), row.merchantId);
  const css = brandCss(merchant?.brandColor);
  return {
    frame: {
      frameAncestors: row.uiMode === "embedded" ? row.allowedOrigins : [],
      formTargets: originsOf([row.successUrl, row.cancelUrl]),
      styleHashes: [`sha256-${createHash("sha256").update(css).digest("base64")}`],
    },
    lang: resolveLocale(row.locale, acceptLanguage),
  };
}
