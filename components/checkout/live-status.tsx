"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const EVERY_MS = 3000;

/**
 * Watches a waiting payment through the buyer API. When it settles, the buyer goes to
 * the merchant (paid) or sees the page's new state. Without script, a meta refresh does it.
 */
export function LiveStatus({ sessionId, paymentId, embedded = false }: { sessionId: string; paymentId: string; embedded?: boolean }) {
  const router = useRouter();
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      if (stopped) return;
      if (document.visibilityState === "visible") {
        try {
          const res = await fetch(`/api/v1/checkout/${sessionId}`, { cache: "no-store" });
          if (res.ok) {
            const s = (await res.json()) as { status: string; redirectUrl: string | null; payment: { id: string; status: string } | null };
            // Embedded, the page re-renders as paid and tells the merchant's page instead.
            if (s.redirectUrl) return embedded ? router.refresh() : window.location.assign(s.redirectUrl);
            const waiting = s.payment?.id === paymentId && (s.payment.status === "pending" || s.payment.status === "requires_action");
            if (s.status !== "pending" || !waiting) return router.refresh();
          }
        } catch {
          // Offline for a moment: try again on the next tick.
        }
      }
      timer = setTimeout(poll, EVERY_MS);
    };
    timer = setTimeout(poll, EVERY_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [sessionId, paymentId, router, embedded]);
  return null;
}
