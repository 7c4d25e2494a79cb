import type { IncomingMessage, ServerResponse } from "node:http";
import { checkoutCsp, NONCE_HEADER, type FramePolicy } from "@/lib/security/csp";
import { one } from "./page-props";

const header = (req: IncomingMessage, name: string) => one(req.headers[name]) ?? null;

/** What a buyer page reads from its request: the languages the browser asks for, and the CSP nonce proxy.ts chose. */
export function buyerRequest(req: IncomingMessage): { acceptLanguage: string | null; nonce: string | null } {
  return { acceptLanguage: header(req, "accept-language"), nonce: header(req, NONCE_HEADER) };
}

/**
 * Widens the strict policy proxy.ts sent to what this session's page needs (its framing
 * origins, its redirect targets), under the same nonce. Without a session the strict one stays.
 */
export function allowPolicy(res: ServerResponse, nonce: string | null, policy: FramePolicy | null): void {
  if (!policy || !nonce) return;
  res.setHeader("Content-Security-Policy", checkoutCsp(nonce, policy, process.env.NODE_ENV === "development"));
}
