"use client";

import { useEffect } from "react";

/** Leaves for `url` as soon as script runs (the merchant's success page). */
export function GoTo({ url }: { url: string }) {
  useEffect(() => window.location.replace(url), [url]);
  return null;
}
