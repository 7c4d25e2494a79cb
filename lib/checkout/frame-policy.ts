import { createHash } from "node:crypto";
import { findMerchant } from "@/db/queries/merchants";
import { findSessionById } from "@/db/queries/sessions";
import { brandCss } from "@/lib/security/colors";
import { getDb } from "@/lib/db";
import { NO_FRAMING, originsOf, type FramePolicy } from "@/lib/security/csp";
import { isSessionId } from "./get-session";

/** Who may frame a session's page: its allowed origins in embedded mode, nobody otherwise. */
export async function framePolicyFor(id: string): Promise<FramePolicy> {
  if (!isSessionId(id)) return NO_FRAMING;
  const row = await findSessionById(await getDb(), id);
  if (!row) return NO_FRAMING;
  const merchant = await findMerchant(await getDb(), row.merchantId);
  const css = brandCss(merchant?.brandColor);
  return {
    frameAncestors: row.uiMode === "embedded" ? row.allowedOrigins : [],
    formTargets: originsOf([row.successUrl, row.cancelUrl]),
    styleHashes: [`sha256-${createHash("sha256").update(css).digest("base64")}`],
  };
}
