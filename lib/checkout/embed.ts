import type { SessionRow } from "@/db/queries/sessions";
import { fillSessionId } from "./redirects";

export type EmbedInfo = { sessionId: string; allowedOrigins: string[]; status: string; redirectUrl: string | null };

/** What an embedded session's page tells its parent; null for hosted sessions. */
export function embedOf(session: SessionRow): EmbedInfo | null {
  if (session.uiMode !== "embedded") return null;
  return {
    sessionId: session.id,
    allowedOrigins: session.allowedOrigins,
    status: session.status,
    redirectUrl: session.status === "paid" ? fillSessionId(session.successUrl, session.id) : null,
  };
}
