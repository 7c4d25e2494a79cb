// Mobile money (XOF, XAF, GHS, KES, UGX, RWF, TZS, ZMW): the buyer picks the operator, gives a
// phone valid for its country, and approves the payment on it.
import { z } from "zod";
import { defineRail, text } from "../rail";
import { copy } from "./copy";
import {
  MOBILE_MONEY_CURRENCIES,
  MOBILE_MONEY_OPERATORS,
  mobileMoneyCountries,
  validateMobilePhone,
  type MobileMoneyOperator,
} from "./phone";

const details = z.object({ operator: z.string(), phone: z.string() });
const approveAction = z.object({ type: z.literal("approve_on_phone"), operator: z.string(), phone: z.string() });

export const mobileMoney = defineRail({
  id: "mobile_money",
  currencies: MOBILE_MONEY_CURRENCIES,
  fields: {
    phone: text(32).optional(),
    operator: text(40).optional().meta({ description: "Mobile-money operator id, e.g. orange, mtn, mpesa." }),
  },
  // The API's English is the page's: one text per code.
  errors: copy.en.errors,
  check(input, session, _at, p) {
    if (!input.operator) p.add(["operator"], "operator_required");
    if (!input.phone) p.add(["phone"], "phone_required");
    if (!input.operator || !input.phone) return null;
    const countries = mobileMoneyCountries(session.currency);
    const phone = countries.map((c) => validateMobilePhone(input.phone!, c)).find((r) => r.valid);
    if (!phone || !phone.valid) return p.add(["phone"], "phone_invalid"), null;
    const operators: readonly MobileMoneyOperator[] = MOBILE_MONEY_OPERATORS[phone.country as keyof typeof MOBILE_MONEY_OPERATORS].operators;
    const operator = operators.find((o) => o.id === input.operator);
    if (!operator) return p.add(["operator"], "operator_invalid"), null;
    return { rail: "mobile_money", operator, phone: phone.e164, country: phone.country };
  },
  details,
  nextActions: [approveAction],
  copy,
});

/** A request sent to `phone` for the buyer to approve with `operator`. */
export function approveOnPhone(operator: MobileMoneyOperator, phone: string) {
  return {
    nextAction: { type: "approve_on_phone", operator: operator.name, phone } satisfies z.output<typeof approveAction>,
    details: { operator: operator.id, phone } satisfies z.output<typeof details>,
  };
}
