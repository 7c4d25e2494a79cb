/**
 * Serialised origins we put into a Content-Security-Policy (`frame-ancestors`, `form-action`)
 * or compare against `Origin`. The WHATWG URL parser lets through hosts such as `*`,
 * `*.example.com` or `a.com;script-src`, which mean something else (or a new directive) in a
 * policy; here a host is letters, digits, hyphens and dots, or an IP literal, and nothing else.
 */

const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const DNS_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
const IPV6_LITERAL = /^\[[0-9a-f:.]+\]$/;
const ORIGIN = /^(https?):\/\/([^/:]+|\[[^\]]*\])(?::(\d{1,5}))?$/;

/** A host name or IP literal as URL serialises it (lower case, IPv6 in brackets), nothing more. */
export function isCleanHost(hostname: string): boolean {
  if (hostname.length > 253) return false;
  return DNS_NAME.test(hostname) || IPV6_LITERAL.test(hostname);
}

/**
 * `value` when it is exactly a serialised http(s) origin: `scheme://host[:port]`, lower case,
 * with no default port, no path (a single trailing slash is dropped), no credentials, no
 * wildcard, no quote, no space; null for anything else.
 */
export function parseOrigin(value: string): string | null {
  const candidate = value.endsWith("/") ? value.slice(0, -1) : value;
  const m = ORIGIN.exec(candidate);
  if (!m || !isCleanHost(m[2]!)) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  // The parser's own spelling must be the one given: no `0x7f.1`, no `:443` on https, no upper case.
  return url.origin === candidate && isCleanHost(url.hostname) ? candidate : null;
}

/** The origin of a URL we redirect to, when its host is clean; null otherwise. */
export function originOfUrl(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return parseOrigin(origin);
  } catch {
    return null;
  }
}
