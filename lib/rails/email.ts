// The buyer's email, on the rails whose processor needs one (Paystack keys its customers and
// receipts on it) when the session does not carry it. Rails that read it declare it alike.
import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import { text, type PayFacts, type Problems } from "./rail";

export const emailField = text(254).optional();

const emailShape = z.email();

export type EmailCode = "email_required" | "email_invalid";

/** The email the processor gets: the buyer's, else the session's; null when none is needed. */
export function buyerEmail(input: { email?: string }, session: PayFacts, p: Problems<EmailCode>): string | null {
  const email = (input.email || session.customerEmail || "").toLowerCase();
  if (!email) {
    if (session.emailRequired) p.add(["email"], "email_required");
    return null;
  }
  if (!emailShape.safeParse(email).success) return p.add(["email"], "email_invalid"), null;
  return email;
}

/** The field's label and errors in every locale, for the rails that ask for it. */
export const EMAIL_COPY: Record<Locale, { label: string; errors: Record<EmailCode, string> }> = {
  en: { label: "Email", errors: { email_required: "Enter your email address.", email_invalid: "Enter a valid email address." } },
  fr: { label: "E-mail", errors: { email_required: "Saisissez votre adresse e-mail.", email_invalid: "Saisissez une adresse e-mail valide." } },
  pt: { label: "E-mail", errors: { email_required: "Informe seu e-mail.", email_invalid: "Informe um e-mail válido." } },
  es: { label: "Correo electrónico", errors: { email_required: "Ingresa tu correo electrónico.", email_invalid: "Ingresa un correo electrónico válido." } },
};
