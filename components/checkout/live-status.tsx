/**
 * Marks a waiting payment for the page's script, which polls the buyer API and moves on when
 * it settles (lib/checkout/enhance/page.ts). Without script, a meta refresh does it.
 */
export function LiveStatus({ sessionId, paymentId, embedded = false }: { sessionId: string; paymentId: string; embedded?: boolean }) {
  return <div hidden data-live-status data-session={sessionId} data-payment={paymentId} data-embedded={embedded ? "true" : undefined} />;
}
