"use client";

import { useEffect } from "react";

type Props = {
  sessionId: string;
  /** The origins allowed to frame this session: messages go to these exactly, never "*". */
  allowedOrigins: string[];
  status: string;
  /** On paid: where the merchant wants the buyer to land. */
  redirectUrl?: string | null;
};

export const CONTENT_ID = "kassa-content";

type MessageType = "ready" | "resize" | "status" | "complete" | "cancel" | "expired";

/**
 * Inside an embedded checkout, tells the merchant's page what happens: ready, height changes,
 * status, completion. A browser delivers a message only to a parent whose origin matches the
 * target, so posting to each allowed origin reaches the real parent and nobody else.
 */
export function EmbedBridge({ sessionId, allowedOrigins, status, redirectUrl }: Props) {
  useEffect(() => {
    if (window.parent === window) return;
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
    const content = document.getElementById(CONTENT_ID) ?? document.body;
    let last = 0;
    const report = () => {
      const box = content.getBoundingClientRect();
      const height = Math.ceil(box.bottom + window.scrollY);
      if (height !== last) {
        last = height;
        post("resize", { height });
      }
    };
    report();
    const observer = new ResizeObserver(report);
    observer.observe(content);
    return () => observer.disconnect();
  }, [sessionId, allowedOrigins, status, redirectUrl]);
  return null;
}
