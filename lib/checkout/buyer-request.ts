import type { IncomingMessage } from "node:http";
import { NONCE_HEADER } from "@/lib/security/csp";

const header = (req: IncomingMessage, name: string) => {
  const v = req.headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
};

/** What a buyer page reads from its request: the languages the browser asks for, and the CSP nonce proxy.ts chose. */
export function buyerRequest(req: IncomingMessage): { acceptLanguage: string | null; nonce: string | null } {
  return { acceptLanguage: header(req, "accept-language"), nonce: header(req, NONCE_HEADER) };
}
