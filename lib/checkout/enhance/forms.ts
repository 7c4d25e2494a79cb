// Instant checks for a payment form rendered on the server: the same card, NUBAN and
// CPF/CNPJ rules the server applies (lib/rails), run as the buyer types. Without
// JavaScript the form still posts and the server answers with the same messages.
import { BRAND_NAMES, formatCardNumber, inspectCard, splitExpiry, validateCvc, validateExpiry } from "@/lib/rails/card/card";
import { isValidCnpj, isValidCpf } from "@/lib/rails/boleto/document";
import { isValidNuban } from "@/lib/rails/nuban";

type Control = HTMLInputElement | HTMLSelectElement;

const REQUIRED_CODE: Record<string, string> = { bank: "bank_required", operator: "operator_required", name: "name_required" };

/** The error code of a control's value, or null when it is fine. */
export function problem(el: Control, form: HTMLFormElement, today: Date): string | null {
  const v = el.value.trim();
  const cardNumber = () => (form.elements.namedItem("number") as HTMLInputElement | null)?.value ?? "";
  switch (el.dataset.check) {
    case "required":
      return v ? null : (REQUIRED_CODE[el.name] ?? "invalid");
    case "email":
      return !v ? "email_required" : /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? null : "email_invalid";
    case "card-number":
      return inspectCard(v).valid ? null : "card_number_invalid";
    case "card-exp": {
      const { expMonth, expYear } = splitExpiry(v);
      const r = validateExpiry(expMonth, expYear, today);
      return r.valid ? null : r.reason === "expired" ? "card_expired" : "card_expiry_invalid";
    }
    case "card-cvc":
      return validateCvc(v, inspectCard(cardNumber()).brand) ? null : "card_cvc_invalid";
    case "nuban": {
      const bank = form.elements.namedItem("bank") as HTMLSelectElement | null;
      const code = bank?.selectedOptions[0]?.dataset.code;
      return !code || isValidNuban(code, v) ? null : "account_number_invalid";
    }
    case "document":
      return !v ? "document_required" : isValidCpf(v) || isValidCnpj(v) ? null : "document_invalid";
    case "phone":
      return !v ? "phone_required" : /^\+?[\d\s().-]{8,}$/.test(v) ? null : "phone_invalid";
    case "consent":
      return (el as HTMLInputElement).checked ? null : "mandate_consent_required";
    default:
      return null;
  }
}

/** A payment form (`data-errors`: its messages by code) checks its fields as the buyer types. */
export function checkFields(form: HTMLFormElement): void {
  const errors = JSON.parse(form.dataset.errors ?? "{}") as Record<string, string>;
  const brandLabel = form.dataset.brandLabel ?? "{brand}";
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
    if (el.dataset.check === "card-number" && el instanceof HTMLInputElement) {
      // Reformat only while typing at the end, so editing in the middle keeps the caret.
      if (el.selectionStart === el.value.length) el.value = formatCardNumber(el.value);
      const brand = inspectCard(el.value).brand;
      const name = brand ? BRAND_NAMES[brand] : "";
      const badge = form.querySelector<HTMLElement>("[data-brand]");
      const announce = form.querySelector<HTMLElement>("[data-brand-announce]");
      if (badge && badge.textContent !== name) {
        badge.textContent = name;
        if (announce) announce.textContent = name ? brandLabel.replace("{brand}", name) : "";
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
