/** The merchant's URL with `{CHECKOUT_SESSION_ID}` filled in. */
export function fillSessionId(url: string, sessionId: string): string {
  return url.replaceAll("{CHECKOUT_SESSION_ID}", encodeURIComponent(sessionId));
}
