"use client";

// Instant checks for a payment form rendered on the server: the same card, NUBAN and
// CPF/CNPJ rules the server applies (lib/rails), run as the buyer types. Without
// JavaScript the form still posts and the server answers with the same messages.
import { useEffect } from "react";
import { BRAND_NAMES, formatCardNumber, inspectCard, splitExpiry, validateCvc, validateExpiry } from "@/lib/rails/card";
import { isValidCnpj, isValidCpf } from "@/lib/rails/document";
import { isValidNuban } from "@/lib/rails/nuban";

type Control = HTMLInputElement | HTMLSelectElement;
type Props = { formId: string; errors: Record<string, string>; brandLabel: string };

const REQUIRED_CODE: Record<string, string> = { bank: "bank_required", operator: "operator_required", name: "name_required" };

function problem(el: Control, form: HTMLFormElement): string | null {
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
      const r = validateExpiry(expMonth, expYear, new Date());
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

export function FormEnhancer({ formId, errors, brandLabel }: Props) {
  useEffect(() => {
    const form = document.getElementById(formId) as HTMLFormElement | null;
    if (!form) return;
    // Our messages, in the page's language, replace the browser's own bubbles.
    form.noValidate = true;
    const controls = () => Array.from(form.querySelectorAll<Control>("[data-check]"));
    const show = (el: Control, code: string | null) => {
      const box = document.getElementById(`${el.id}-error`);
      if (box) box.textContent = code ? (errors[code] ?? errors.invalid ?? "") : "";
      if (code) el.setAttribute("aria-invalid", "true");
      else el.removeAttribute("aria-invalid");
    };
    const validate = (el: Control) => {
      const code = problem(el, form);
      show(el, code);
      return code;
    };

    const onInput = (e: Event) => {
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
    };
    const onLeave = (e: FocusEvent) => {
      const el = e.target as Control;
      // Leaving for the submit button: submit checks everything. Checking here would show
      // errors under the field, push the button down mid-click and lose the click.
      const to = e.relatedTarget as HTMLElement | null;
      if (to && form.contains(to) && to.getAttribute("type") === "submit") return;
      if (el.dataset?.check && (el.value || el.getAttribute("aria-invalid"))) validate(el);
    };
    const onChange = (e: Event) => {
      const el = e.target as Control;
      if (el.dataset?.check && (el instanceof HTMLSelectElement || (el as HTMLInputElement).type === "checkbox")) validate(el);
    };
    const onSubmit = (e: SubmitEvent) => {
      if (e.target !== form) return;
      const bad = controls().filter((el) => validate(el) !== null);
      if (bad.length) {
        // React does not run a form action whose submit event was prevented; listening on
        // window in the capture phase runs before React's own listener on the document.
        e.preventDefault();
        bad[0]!.focus();
      }
    };
    form.addEventListener("input", onInput);
    form.addEventListener("focusout", onLeave);
    form.addEventListener("change", onChange);
    window.addEventListener("submit", onSubmit, true);
    return () => {
      form.removeEventListener("input", onInput);
      form.removeEventListener("focusout", onLeave);
      form.removeEventListener("change", onChange);
      window.removeEventListener("submit", onSubmit, true);
    };
  }, [formId, errors, brandLabel]);
  return null;
}
