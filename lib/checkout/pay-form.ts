// The page's payment forms: plain HTML fields in, the pay API's input out; and the way
// errors travel back in the redirect (codes only: nothing the buyer typed, least of all
// the card number, goes into a URL or back into the HTML).
import type { ErrorIssue } from "@/lib/errors";
import { splitExpiry } from "@/lib/rails/card/card";
import { PAY_ERRORS, type PayErrorCode } from "./pay-input";

export const FORM_FIELDS = [
  "number", "exp", "cvc", "name", "email", "phone", "document",
  "installments", "bank", "operator", "accountNumber", "mandateConsent",
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

const str = (fd: FormData, key: string) => {
  const v = fd.get(key);
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
};

export function formToPayInput(fd: FormData): Record<string, unknown> {
  const rail = str(fd, "rail");
  const input: Record<string, unknown> = { rail };
  for (const key of ["email", "phone", "name", "document", "bank", "operator", "accountNumber", "_hp_field"]) {
    const v = str(fd, key);
    if (v !== undefined) input[key] = v;
  }
  const installments = str(fd, "installments");
  if (installments !== undefined) input.installments = Number.parseInt(installments, 10) || 0;
  if (fd.has("mandateConsent")) input.mandateConsent = true;
  // No card fields at all: the processor's own page takes the card (live mode).
  if (rail === "card" && (fd.has("number") || fd.has("exp") || fd.has("cvc"))) {
    input.card = { number: str(fd, "number") ?? "", cvc: str(fd, "cvc") ?? "", ...splitExpiry(str(fd, "exp")) };
  }
  return input;
}

/** The form field an API issue belongs to. */
export function fieldOf(path: (string | number)[]): FormField | "rail" {
  const [head, sub] = path;
  if (head === "card") return sub === "expMonth" || sub === "expYear" ? "exp" : sub === "cvc" ? "cvc" : "number";
  return (FORM_FIELDS as readonly string[]).includes(String(head)) ? (head as FormField) : "rail";
}

/** `number:card_number_invalid,cvc:card_cvc_invalid`: what the redirect carries. */
export function encodeErrors(issues: ErrorIssue[]): string {
  const seen = new Map<string, string>();
  for (const i of issues) {
    const field = fieldOf(i.path);
    if (!seen.has(field)) seen.set(field, Object.hasOwn(PAY_ERRORS, i.code) ? i.code : "invalid");
  }
  return [...seen].map(([f, c]) => `${f}:${c}`).join(",");
}

export type FormErrors = Partial<Record<FormField | "rail", PayErrorCode | "invalid">>;

/** The codes in a redirect's `errors`; anything else (an unknown field or code, `__proto__`) is ignored. */
export function decodeErrors(text: string | undefined): FormErrors {
  const out: FormErrors = {};
  for (const pair of (text ?? "").split(",").slice(0, 20)) {
    const [field, code] = pair.split(":");
    if (!field || !code) continue;
    if (field !== "rail" && !(FORM_FIELDS as readonly string[]).includes(field)) continue;
    if (code !== "invalid" && !Object.hasOwn(PAY_ERRORS, code)) continue;
    out[field as FormField] = code as PayErrorCode;
  }
  return out;
}
