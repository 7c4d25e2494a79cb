"use client";

import { useEffect, useState } from "react";

function format(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(h ? 2 : 1, "0");
  return `${h ? `${h}:` : ""}${mm}:${String(s).padStart(2, "0")}`;
}

/** Server-rendered remaining time that counts down once JavaScript runs. */
export function TimeLeft({ expiresAt, serverNow, label }: { expiresAt: string; serverNow: string; label: string }) {
  const deadline = Date.parse(expiresAt);
  const skew = Date.parse(serverNow);
  const [left, setLeft] = useState(deadline - skew);
  useEffect(() => {
    // Measure against the server's clock: the phone's may be wrong.
    const offset = skew - Date.now();
    const id = setInterval(() => setLeft(deadline - (Date.now() + offset)), 1000);
    return () => clearInterval(id);
  }, [deadline, skew]);
  return (
    <p className="flex items-center justify-between text-sm text-slate-700">
      <span>{label}</span>
      <time dateTime={expiresAt} className="font-mono tabular-nums text-slate-900" suppressHydrationWarning>
        {format(left)}
      </time>
    </p>
  );
}
