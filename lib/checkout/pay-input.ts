// The buyer's payment request: its shape (zod, shared by the JSON API, the page's pay form
// and the OpenAPI document) and the checks that run before any attempt, each rail's
// own (lib/rails/<rail>).
import { z } from "zod";
import type { ErrorIssue } from "@/lib/errors";
import { validationError } from "@/lib/errors";
import { MESSAGES } from "@/lib/i18n/messages";
import { checkPayInput, PAY_FIELDS, RAIL_ERRORS, type PayFacts, type RailErrorCode, type RailRequest } from "@/lib/rails";
import { rail as railSchema } from "./schemas";

export const payInput = z.strictObject({
  rail: railSchema,
  ...PAY_FIELDS,
  _hp_field: z.string().max(1000).optional().meta({ description: "Honeypot: leave empty." }),
});

export type PayInput = z.infer<typeof payInput>;

/**
 * Why a field was refused: each code with its English, the API's message, which is the page's
 * English (the page shows the same code in the buyer's language).
 */
export const PAY_ERRORS: Record<"rail_unavailable" | RailErrorCode, string> = {
  rail_unavailable: MESSAGES.en.pay.errors.rail_unavailable,
  ...RAIL_ERRORS,
};

export type PayErrorCode = keyof typeof PAY_ERRORS;

export type PaySessionFacts = PayFacts & { paymentMethods: string[] };

class Problems {
  readonly issues: ErrorIssue[] = [];
  add(path: (string | number)[], code: PayErrorCode) {
    this.issues.push({ path, code, message: PAY_ERRORS[code] });
  }
  get count() {
    return this.issues.length;
  }
}

/**
 * The rail request the provider receives, or a 400 listing every field to fix. The card
 * number is checked (brand, length, Luhn, expiry, CVC for the brand) before any attempt.
 */
export function toRailRequest(session: PaySessionFacts, input: PayInput, at: Date): RailRequest {
  const p = new Problems();
  const rail = input.rail;
  if (!session.paymentMethods.includes(rail)) p.add(["rail"], "rail_unavailable");
  const request = p.issues.length ? null : checkPayInput(input, session, at, p);
  if (p.issues.length || !request) {
    const first = p.issues[0]!;
    throw validationError(`${first.path.join(".")}: ${first.message}`, p.issues, "invalid_payment_details");
  }
  return request;
}
