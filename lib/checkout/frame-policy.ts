import { findSessionById } from "@/db/queries/sessions";
import { getDb } from "@/lib/db";
import { NO_FRAMING, originsOf, type FramePolicy } from "@/lib/security/csp";
import { isSessionId } from "./get-session";

/**
 * What the response for a session's page needs before it renders: who may frame it (its
 * allowed origins in embedded mode, nobody otherwise) and where its forms may lead.
 */
export async function checkoutPagePolicy(id: string): Promise<FramePolicy> {
  const row = isSessionId(id) ? await findSessionById(await getDb(), id) : null;
  if (!row) return NO_FRAMING;
  return {
    frameAncestors: row.uiMode === "embedded" ? row.allowedOrigins : [],
    formTargets: originsOf([row.successUrl, row.cancelUrl]),
  };
}
