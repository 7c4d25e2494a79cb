// Instant checks for a payment form rendered on the server: the same rules the server applies,
// each rail's own (lib/rails/<rail>/browser.ts), run as the buyer types. Without JavaScript the
// form still posts and the server answers with the same messages.
import { AS_TYPED, FIELD_CHECKS, type FormValues } from "@/lib/rails/browser";

type Control = HTMLInputElement | HTMLSelectElement;

/** The error code of a control's value, or null when it is fine. */
export function problem(el: Control, form: HTMLFormElement, today: Date): string | null {
  const check = el.dataset.check;
  if (!check) return null;
  const v = el.value.trim();
  // A field every rail may have: empty is `<name>_required` (bank_required, name_required…).
  if (check === "required") return v ? null : `${el.name}_required`;
  const control = (name: string) => form.elements.namedItem(name) as Control | null;
  const values: FormValues = {
    value: (name) => control(name)?.value ?? "",
    checked: (name) => (control(name) as HTMLInputElement | null)?.checked ?? false,
    data: (name, key) => {
      const c = control(name);
      return (c instanceof HTMLSelectElement ? c.selectedOptions[0] : c)?.dataset[key];
    },
  };
  return FIELD_CHECKS[check]?.({ value: v, checked: el instanceof HTMLInputElement && el.checked }, values, today) ?? null;
}

/** A payment form (`data-errors`: its messages by code) checks its fields as the buyer types. */
export function checkFields(form: HTMLFormElement): void {
  const errors = JSON.parse(form.dataset.errors ?? "{}") as Record<string, string>;
  // Our messages, in the page's language, replace the browser's own bubbles.
  form.noValidate = true;
  const controls = () => Array.from(form.querySelectorAll<Control>("[data-check]"));
  const validate = (el: Control) => {
    const code = problem(el, form, new Date());
    const box = document.getElementById(`${el.id}-error`);
    if (box) box.textContent = code ? (errors[code] ?? errors.invalid ?? "") : "";
    if (code) el.setAttribute("aria-invalid", "true");
    else el.removeAttribute("aria-invalid");
    return code;
  };

  form.addEventListener("input", (e) => {
    const el = e.target as Control;
    const typed = el.dataset.check ? AS_TYPED[el.dataset.check] : undefined;
    if (typed && el instanceof HTMLInputElement) {
      // Reformat only while typing at the end, so editing in the middle keeps the caret.
      if (typed.format && el.selectionStart === el.value.length) el.value = typed.format(el.value);
      const badge = form.querySelector<HTMLElement>("[data-badge]");
      const name = typed.badge?.(el.value) ?? "";
      if (badge && badge.textContent !== name) {
        badge.textContent = name;
        const announce = form.querySelector<HTMLElement>("[data-badge-announce]");
        if (announce) announce.textContent = name ? (badge.dataset.badgeLabel ?? "{badge}").replace(/\{\w+\}/, name) : "";
      }
    }
    if (el.getAttribute("aria-invalid") === "true") validate(el);
  });
  form.addEventListener("focusout", (e) => {
    const el = e.target as Control;
    // Leaving for the submit button: submit checks everything. Checking here would show
    // errors under the field, push the button down mid-click and lose the click.
    const to = e.relatedTarget as HTMLElement | null;
    if (to && form.contains(to) && to.getAttribute("type") === "submit") return;
    if (el.dataset?.check && (el.value || el.getAttribute("aria-invalid"))) validate(el);
  });
  form.addEventListener("change", (e) => {
    const el = e.target as Control;
    if (el.dataset?.check && (el instanceof HTMLSelectElement || (el as HTMLInputElement).type === "checkbox")) validate(el);
  });
  form.addEventListener("submit", (e) => {
    const bad = controls().filter((el) => validate(el) !== null);
    if (bad.length) {
      e.preventDefault();
      bad[0]!.focus();
    }
  });
}

/**
 * Once a form is on its way, its buttons say so (`data-pending-label`) and a second tap sends
 * nothing: a payment is never posted twice from one page. The buttons stay enabled (only
 * aria-disabled), so the clicked one's name and value still go with the form.
 */
export function sendOnce(form: HTMLFormElement): void {
  let sent = false;
  const buttons = () => Array.from(form.querySelectorAll<HTMLButtonElement>("button[type=submit][data-pending-label]"));
  const labels = new Map<HTMLButtonElement, string>();
  form.addEventListener("submit", (e) => {
    if (e.defaultPrevented) return; // refused by the field checks, registered before this
    if (sent) return void e.preventDefault();
    sent = true;
    for (const button of buttons()) {
      labels.set(button, button.textContent ?? "");
      button.setAttribute("aria-disabled", "true");
      if (button === e.submitter || !(e.submitter instanceof HTMLButtonElement)) button.textContent = button.dataset.pendingLabel!;
    }
  });
  // Back from the next page (the browser's page cache): the form is usable again.
  window.addEventListener("pageshow", (e) => {
    if (!e.persisted) return;
    sent = false;
    for (const [button, label] of labels) {
      button.textContent = label;
      button.removeAttribute("aria-disabled");
    }
  });
}
