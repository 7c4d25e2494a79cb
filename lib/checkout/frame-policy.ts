import type { SessionRow } from "@/db/queries/sessions";
import { originsOf, type FramePolicy } from "@/lib/security/csp";

/**
 * What a session's page may do beyond our own origin: who may frame it (its allowed origins
 * in embedded mode, nobody otherwise) and where its forms may lead (the merchant's redirects).
 */
export function framePolicyOf(session: Pick<SessionRow, "uiMode" | "allowedOrigins" | "successUrl" | "cancelUrl">): FramePolicy {
  return {
    frameAncestors: session.uiMode === "embedded" ? session.allowedOrigins : [],
    formTargets: originsOf([session.successUrl, session.cancelUrl]),
  };
}
