// The card rail: every currency; number, expiry and CVC checked (brand, length, Luhn) before
// any attempt; installments for BRL; a 3-D Secure challenge when the issuer asks for one.
import { z } from "zod";
import { buyerEmail, emailField } from "../email";
import { defineRail, text } from "../rail";
import { redirectToUrl } from "../redirect";
import { inspectCard, validateCvc, validateExpiry, type CardBrand } from "./card";
import { copy } from "./copy";

const cardPart = z.union([z.int().min(0).max(9999), z.string().trim().max(4)]);

const fields = {
  name: text(200).optional(),
  card: z
    .strictObject({ number: text(40), expMonth: cardPart, expYear: cardPart, cvc: text(8) })
    .optional()
    .meta({ description: "Sent to the provider only; Kassa keeps brand, last 4, expiry and a keyed fingerprint." }),
  installments: z.int().min(1).max(12).optional(),
  email: emailField,
};

// On a processor's own page (live mode) the card is unknown until the processor says.
const details = z.object({ brand: z.string().nullable(), last4: z.string().nullable(), expMonth: z.int().nullable(), expYear: z.int().nullable() });
const threeDSecure = z.object({ type: z.literal("three_d_secure"), url: z.string() });


/** The card as the provider receives it. Lives only in memory for the length of the call; never stored or logged. */
export type CardRequest = { number: string; cvc: string; expMonth: number; expYear: number; brand: CardBrand | null; last4: string };

/** A card payment: the card itself on Kassa's form (the sandbox), or none when the processor's page takes it. */
export type CardRailRequest =
  | { rail: "card"; card: CardRequest; name: string | null; installments: number | null; email: string | null }
  | { rail: "card"; card: null; name: string | null; installments: null; email: string | null };

export const card = defineRail({
  id: "card",
  currencies: "*",
  fields,
  // The API's English is the page's: one text per code.
  errors: copy.en.errors,
  check(input, session, at, p): CardRailRequest | null {
    const c = input.card;
    if (session.hostedCard) {
      // In live mode a card number never reaches Kassa: it is typed on the processor's page.
      if (c) return p.add(["card"], "card_not_accepted"), null;
      const email = buyerEmail(input, session, p);
      if (p.count) return null;
      return { rail: "card", card: null, name: input.name || null, installments: null, email };
    }
    if (!c) return p.add(["card"], "card_required"), null;
    // Asked on the form too (customerDetails, SPEC 9), though the sandbox needs none.
    const email = buyerEmail(input, session, p);
    const inspected = inspectCard(c.number);
    if (!inspected.valid) p.add(["card", "number"], "card_number_invalid");
    const expiry = validateExpiry(c.expMonth, c.expYear, at);
    if (!expiry.valid) p.add(["card", "expMonth"], expiry.reason === "expired" ? "card_expired" : "card_expiry_invalid");
    if (!validateCvc(c.cvc, inspected.brand)) p.add(["card", "cvc"], "card_cvc_invalid");
    let installments: number | null = null;
    if (input.installments !== undefined && input.installments > 1) {
      const max = session.currency === "BRL" ? (session.installments?.maxCount ?? 1) : 1;
      if (input.installments > max || input.installments > session.amount) p.add(["installments"], "installments_invalid");
      else installments = input.installments;
    }
    if (!expiry.valid || p.count) return null;
    const request: CardRequest = {
      number: c.number.replace(/[\s-]/g, ""),
      cvc: c.cvc,
      expMonth: expiry.month,
      expYear: expiry.year,
      brand: inspected.brand,
      last4: inspected.last4,
    };
    return { rail: "card", card: request, name: input.name || null, installments, email };
  },
  details,
  nextActions: [threeDSecure, redirectToUrl],
  copy,
});

/** What a card payment returns: never the number, only what identifies the card to its holder. */
export function cardDetails(c: CardRequest): z.output<typeof details> {
  return { brand: c.brand, last4: c.last4, expMonth: c.expMonth, expYear: c.expYear };
}

/** The issuer wants the buyer to pass a challenge at `url` first. */
export function threeDSecureAction(url: string): z.output<typeof threeDSecure> {
  return { type: "three_d_secure", url };
}
