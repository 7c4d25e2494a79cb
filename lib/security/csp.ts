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
  const ancestors = policy.frameAncestors.length ? policy.frameAncestors.join(" ") : "'none'";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    `form-action 'self' ${policy.formTargets.join(" ")}`.trim(),
    `frame-ancestors ${ancestors}`,
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

export function originsOf(urls: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const u of urls) {
    if (!u) continue;
    try {
      out.add(new URL(u).origin);
    } catch {
      // stored URLs were validated on the way in
    }
  }
  return [...out];
}
