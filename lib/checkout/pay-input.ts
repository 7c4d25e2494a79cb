// The buyer's payment request: its shape (zod, shared by the JSON API, the page's server
// actions and the OpenAPI document) and the per-rail checks that run before any attempt.
import { z } from "zod";
import type { ErrorIssue } from "@/lib/errors";
import { validationError } from "@/lib/errors";
import type { RailRequest } from "@/lib/providers/types";
import { BOLETO_MAX_CENTS } from "@/lib/rails/boleto/boleto";
import { inspectCard, validateCvc, validateExpiry } from "@/lib/rails/card/card";
import { RAILS, type Rail } from "@/lib/rails/catalog";
import { parseTaxId } from "@/lib/rails/boleto/document";
import { findNigerianBank } from "@/lib/rails/ng-banks";
import { isValidNuban } from "@/lib/rails/nuban";
import { MOBILE_MONEY_OPERATORS, mobileMoneyCountries, validateMobilePhone } from "@/lib/rails/mobile_money/phone";

const text = (max: number) => z.string().trim().max(max);
const cardPart = z.union([z.int().min(0).max(9999), z.string().trim().max(4)]);

export const payInput = z.strictObject({
  rail: z.enum(RAILS as [Rail, ...Rail[]]),
  email: text(254).optional(),
  phone: text(32).optional(),
  name: text(200).optional(),
  document: z
    .union([text(40), z.strictObject({ type: text(20), number: text(40) })])
    .optional()
    .meta({ description: "CPF or CNPJ (boleto): the number, or {type, number}." }),
  card: z
    .strictObject({ number: text(40), expMonth: cardPart, expYear: cardPart, cvc: text(8) })
    .optional()
    .meta({ description: "Sent to the provider only; Kassa keeps brand, last 4, expiry and a keyed fingerprint." }),
  installments: z.int().min(1).max(12).optional(),
  bank: text(40).optional().meta({ description: "Nigerian bank id or CBN code (ussd, direct_debit), e.g. gtbank or 058." }),
  operator: text(40).optional().meta({ description: "Mobile-money operator id, e.g. orange, mtn, mpesa." }),
  accountNumber: text(20).optional().meta({ description: "10-digit NUBAN (direct_debit)." }),
  mandateConsent: z.boolean().optional().meta({ description: "direct_debit: the buyer authorises the debit mandate." }),
  _hp_field: z.string().max(1000).optional().meta({ description: "Honeypot: leave empty." }),
});

export type PayInput = z.infer<typeof payInput>;

/** Why a field was refused; the page shows each in the buyer's language. */
export const PAY_ERRORS = {
  rail_unavailable: "This payment method is not offered for this checkout.",
  email_required: "Enter your email address.",
  email_invalid: "Enter a valid email address.",
  name_required: "Enter your full name.",
  document_required: "Enter your CPF or CNPJ.",
  document_invalid: "This CPF or CNPJ is not valid.",
  card_required: "Enter your card details.",
  card_number_invalid: "This card number is not valid.",
  card_expiry_invalid: "Enter the expiry date as MM/YY.",
  card_expired: "This card has expired.",
  card_cvc_invalid: "This security code is not valid.",
  installments_invalid: "Choose a number of installments that is offered.",
  bank_required: "Choose your bank.",
  account_number_invalid: "Enter a valid 10-digit account number for this bank.",
  mandate_consent_required: "Authorise the direct debit to continue.",
  operator_required: "Choose your mobile money operator.",
  operator_invalid: "This operator does not serve this phone number.",
  phone_required: "Enter your mobile number.",
  phone_invalid: "Enter a valid mobile number for this country.",
  amount_too_large: "This amount is too large for this payment method.",
} as const;

export type PayErrorCode = keyof typeof PAY_ERRORS;

export type PaySessionFacts = {
  amount: number;
  currency: string;
  paymentMethods: string[];
  installments: { maxCount: number } | null;
  customerEmail: string | null;
  customerName: string | null;
  customerDocument: string | null;
};

class Problems {
  readonly issues: ErrorIssue[] = [];
  add(path: (string | number)[], code: PayErrorCode) {
    this.issues.push({ path, code, message: PAY_ERRORS[code] });
  }
}

const emailShape = z.email();

/**
 * The rail request the provider receives, or a 400 listing every field to fix. The card
 * number is checked (brand, length, Luhn, expiry, CVC for the brand) before any attempt.
 */
export function toRailRequest(session: PaySessionFacts, input: PayInput, at: Date): RailRequest {
  const p = new Problems();
  const rail = input.rail;
  if (!session.paymentMethods.includes(rail)) p.add(["rail"], "rail_unavailable");
  const request = p.issues.length ? null : build(session, input, at, p);
  if (p.issues.length || !request) {
    const first = p.issues[0]!;
    throw validationError(`${first.path.join(".")}: ${first.message}`, p.issues, "invalid_payment_details");
  }
  return request;
}

function build(session: PaySessionFacts, input: PayInput, at: Date, p: Problems): RailRequest | null {
  switch (input.rail) {
    case "card": {
      const c = input.card;
      if (!c) return p.add(["card"], "card_required"), null;
      const card = inspectCard(c.number);
      if (!card.valid) p.add(["card", "number"], "card_number_invalid");
      const expiry = validateExpiry(c.expMonth, c.expYear, at);
      if (!expiry.valid) p.add(["card", "expMonth"], expiry.reason === "expired" ? "card_expired" : "card_expiry_invalid");
      if (!validateCvc(c.cvc, card.brand)) p.add(["card", "cvc"], "card_cvc_invalid");
      let installments: number | null = null;
      if (input.installments !== undefined && input.installments > 1) {
        const max = session.currency === "BRL" ? (session.installments?.maxCount ?? 1) : 1;
        if (input.installments > max || input.installments > session.amount) p.add(["installments"], "installments_invalid");
        else installments = input.installments;
      }
      if (!expiry.valid || p.issues.length) return null;
      return {
        rail: "card",
        card: {
          number: c.number.replace(/[\s-]/g, ""),
          cvc: c.cvc,
          expMonth: expiry.month,
          expYear: expiry.year,
          brand: card.brand,
          last4: card.last4,
        },
        name: input.name || null,
        installments,
      };
    }
    case "transfer":
      return { rail: "transfer" };
    case "virtual_account": {
      const email = (input.email || session.customerEmail || "").toLowerCase();
      if (!email) return p.add(["email"], "email_required"), null;
      if (!emailShape.safeParse(email).success) return p.add(["email"], "email_invalid"), null;
      return { rail: "virtual_account", email, account: null };
    }
    case "ussd": {
      const bank = input.bank ? findNigerianBank(input.bank) : undefined;
      if (!bank) return p.add(["bank"], "bank_required"), null;
      return { rail: "ussd", bank };
    }
    case "direct_debit": {
      const bank = input.bank ? findNigerianBank(input.bank) : undefined;
      if (!bank) p.add(["bank"], "bank_required");
      const account = (input.accountNumber ?? "").replace(/\s/g, "");
      if (bank && !isValidNuban(bank.code, account)) p.add(["accountNumber"], "account_number_invalid");
      if (input.mandateConsent !== true) p.add(["mandateConsent"], "mandate_consent_required");
      if (!bank || p.issues.length) return null;
      return { rail: "direct_debit", bank, accountNumber: account };
    }
    case "pix":
      return { rail: "pix" };
    case "boleto": {
      if (session.amount > BOLETO_MAX_CENTS) p.add(["rail"], "amount_too_large");
      const name = input.name || session.customerName || "";
      if (!name) p.add(["name"], "name_required");
      const raw = typeof input.document === "object" ? input.document.number : (input.document ?? session.customerDocument ?? "");
      const taxId = raw ? parseTaxId(raw) : null;
      if (!raw) p.add(["document"], "document_required");
      else if (!taxId) p.add(["document"], "document_invalid");
      if (!taxId || p.issues.length) return null;
      return { rail: "boleto", name, document: { type: taxId.kind, number: taxId.value } };
    }
    case "mobile_money": {
      if (!input.operator) p.add(["operator"], "operator_required");
      if (!input.phone) p.add(["phone"], "phone_required");
      if (!input.operator || !input.phone) return null;
      const countries = mobileMoneyCountries(session.currency);
      const phone = countries.map((c) => validateMobilePhone(input.phone!, c)).find((r) => r.valid);
      if (!phone || !phone.valid) return p.add(["phone"], "phone_invalid"), null;
      const operators: readonly { id: string; name: string }[] =
        MOBILE_MONEY_OPERATORS[phone.country as keyof typeof MOBILE_MONEY_OPERATORS].operators;
      const operator = operators.find((o) => o.id === input.operator);
      if (!operator) return p.add(["operator"], "operator_invalid"), null;
      return { rail: "mobile_money", operator, phone: phone.e164, country: phone.country };
    }
  }
}
