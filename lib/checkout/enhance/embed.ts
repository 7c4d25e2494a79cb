// Inside an embedded checkout, tells the merchant's page what happens: ready, height changes,
// status, completion. A browser delivers a message only to a parent whose origin matches the
// target, so posting to each allowed origin reaches the real parent and nobody else.
import type { EmbedInfo } from "@/lib/checkout/embed";

type MessageType = "ready" | "resize" | "status" | "complete" | "cancel" | "expired";

/** `content` carries the session's EmbedInfo as JSON in `data-embed`. */
export function bridge(content: HTMLElement): void {
  if (window.parent === window) return;
  const { sessionId, allowedOrigins, status, redirectUrl } = JSON.parse(content.dataset.embed!) as EmbedInfo;
  const post = (type: MessageType, data: Record<string, unknown> = {}) => {
    for (const origin of allowedOrigins) {
      window.parent.postMessage({ source: "kassa", version: 1, type, sessionId, data }, origin);
    }
  };
  post("ready", { status });
  post("status", { status });
  if (status === "paid") post("complete", { status: "paid", redirectUrl: redirectUrl ?? null });
  if (status === "expired") post("expired", { status });
  if (status === "canceled") post("cancel", { status });

  // The content's own height, not the document's: the body is at least as tall as the frame,
  // so measuring the document would let the frame grow but never shrink.
  let last = 0;
  const report = () => {
    const height = Math.ceil(content.getBoundingClientRect().bottom + window.scrollY);
    if (height !== last) {
      last = height;
      post("resize", { height });
    }
  };
  report();
  new ResizeObserver(report).observe(content);
}
