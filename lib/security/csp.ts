import { originOfUrl, parseOrigin } from "./origin";

/** The request header in which proxy.ts hands each page its CSP nonce. */
export const NONCE_HEADER = "x-nonce";

export type FramePolicy = {
  /** Origins that may frame the page; empty means none. */
  frameAncestors: string[];
  /** Origins a form on the page may end up at (the success and cancel redirects). */
  formTargets: string[];
};

export const NO_FRAMING: FramePolicy = { frameAncestors: [], formTargets: [] };

/** The checkout page's policy: our own scripts only, by nonce; nothing inline without it. */
export function checkoutCsp(nonce: string, policy: FramePolicy, dev = false): string {
  // Only clean origins reach the policy, whatever a row stored before they were checked on the way in.
  const clean = (origins: string[]) => origins.filter((o) => parseOrigin(o) === o);
  const frameAncestors = clean(policy.frameAncestors);
  const formTargets = clean(policy.formTargets);
  const ancestors = frameAncestors.length ? frameAncestors.join(" ") : "'none'";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    `form-action 'self' ${formTargets.join(" ")}`.trim(),
    `frame-ancestors ${ancestors}`,
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

/** The clean origins of these URLs, each once. */
export function originsOf(urls: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const u of urls) {
    const origin = u ? originOfUrl(u) : null;
    if (origin) out.add(origin);
  }
  return [...out];
}
