/**
 * What is wrong with a URL we will send someone to, or call: null when it is an absolute
 * http(s) URL without credentials (and, when asked, without a fragment). Whether the mode
 * allows http or the host is checked where the mode is known.
 */
export function httpUrlProblem(value: string, opts: { fragment?: boolean; httpHint: string }): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "must be an absolute URL";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return `must use https (or ${opts.httpHint})`;
  if (url.username || url.password) return "must not contain credentials";
  if (opts.fragment === false && url.hash) return "must not contain a fragment";
  return null;
}
