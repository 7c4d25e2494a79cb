// C0, DEL and C1. The URL parser drops tabs and line breaks silently, so such a URL would
// pass here and break later, in a Location header (a CR or LF there is a 500) or a CSP.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** What is wrong with a URL's characters: null when it has no control character. */
export function urlCharactersProblem(value: string): string | null {
  return CONTROL.test(value) ? "must not contain control characters (such as a tab, CR or LF)" : null;
}

/**
 * What is wrong with a URL we will send someone to, or call: null when it is an absolute
 * http(s) URL without credentials or control characters (and, when asked, without a
 * fragment). Whether the mode allows http or the host is checked where the mode is known.
 */
export function httpUrlProblem(value: string, opts: { fragment?: boolean; httpHint: string }): string | null {
  const characters = urlCharactersProblem(value);
  if (characters) return characters;
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
