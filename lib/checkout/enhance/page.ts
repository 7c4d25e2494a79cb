// The small behaviours of the buyer's pages that need script: a countdown, copy buttons,
// leaving for the merchant, and watching a waiting payment. Each reads what the server
// rendered (data attributes); without script the page works the same, only less live.

/** The countdown warns the buyer in its last two minutes. */
export const WARN_LAST_MS = 2 * 60_000;

/**
 * `<time data-countdown data-server-now>`: counts down against the server's clock, not the
 * phone's; in the last two minutes fills the warning (`data-expiry-warning`); at zero reloads,
 * and the server renders the expired view. A page rendered already at zero does not reload
 * again (the server is the judge: it refuses the payment).
 */
export function countDown(el: HTMLTimeElement): void {
  const deadline = Date.parse(el.dateTime);
  // The offset leaves out the response's trip, so this clock runs a little behind the server's:
  // at its zero the session has expired there too.
  const offset = Date.parse(el.dataset.serverNow!) - Date.now();
  const left = () => deadline - (Date.now() + offset);
  const warning = document.querySelector<HTMLElement>("[data-expiry-warning]");
  const live = left() > 0;
  const tick = () => {
    const ms = left();
    el.textContent = formatLeft(ms);
    if (warning && ms <= WARN_LAST_MS && !warning.textContent) warning.textContent = warning.dataset.expiryWarning!;
    if (ms <= 0 && live) {
      clearInterval(timer);
      setTimeout(() => location.reload(), 500);
    }
  };
  const timer = setInterval(tick, 1000);
}

/** 1:05:09, 12:34, 0:07. */
export function formatLeft(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h ? `${h}:` : ""}${String(m).padStart(h ? 2 : 1, "0")}:${String(s).padStart(2, "0")}`;
}

/** `<button data-copy hidden>`: shown only where the clipboard API is, since it needs it. */
export function copyButton(button: HTMLButtonElement): void {
  if (!navigator.clipboard) return;
  const text = button.dataset.copy!;
  const live = button.querySelector("span") ?? button;
  const label = live.textContent;
  let timer: ReturnType<typeof setTimeout> | undefined;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(text);
      live.textContent = button.dataset.copiedLabel!;
      clearTimeout(timer);
      timer = setTimeout(() => (live.textContent = label), 2000);
    } catch {
      // Clipboard refused (permissions): the text stays selectable on the page.
    }
  });
}

const EVERY_MS = 3000;

/**
 * `data-live-status`: watches a waiting payment through the buyer API. When it settles, the
 * buyer goes to the merchant (paid) or sees the page's new state. Without script, a meta
 * refresh does it.
 */
export function watchPayment(el: HTMLElement): void {
  const { session, payment, embedded } = el.dataset;
  const poll = async () => {
    if (document.visibilityState === "visible") {
      try {
        const res = await fetch(`/api/v1/checkout/${session}`, { cache: "no-store" });
        if (res.ok) {
          const s = (await res.json()) as { status: string; redirectUrl: string | null; payment: { id: string; status: string } | null };
          // Embedded, the page reloads as paid and tells the merchant's page instead.
          if (s.redirectUrl) return embedded ? location.reload() : location.assign(s.redirectUrl);
          const p = s.payment;
          const waiting = p !== null && p.id === payment && (p.status === "pending" || p.status === "requires_action");
          if (s.status !== "pending" || !waiting) return location.reload();
        }
      } catch {
        // Offline for a moment: try again on the next tick.
      }
    }
    setTimeout(poll, EVERY_MS);
  };
  setTimeout(poll, EVERY_MS);
}
