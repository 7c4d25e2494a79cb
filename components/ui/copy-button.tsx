import { buttonClass } from "./button";

/** Copies `text`; hidden until the page's script finds the clipboard API (lib/checkout/enhance/page.ts). */
export function CopyButton({ text, label, copiedLabel, size }: { text: string; label: string; copiedLabel: string; size?: "large" }) {
  return (
    <button type="button" hidden data-copy={text} data-copied-label={copiedLabel} className={size === "large" ? buttonClass.primary : buttonClass.secondary}>
      <span aria-live="polite">{label}</span>
    </button>
  );
}
