// USSD (NGN): the buyer picks their bank and dials a string built from its short code.
import { z } from "zod";
import { bankField } from "../bank-select";
import { findNigerianBank, type NigerianBank } from "../ng-banks";
import { buyerEmail, emailField } from "../email";
import { defineRail } from "../rail";
import { copy } from "./copy";
import { isWholeNaira, telHref } from "./ussd";

const details = z.object({ bank: z.string(), dialString: z.string() });
const dialAction = z.object({ type: z.literal("ussd"), dialString: z.string(), telUrl: z.string() });

export const ussd = defineRail({
  id: "ussd",
  currencies: ["NGN"],
  // The banks' USSD menus take whole naira: ₦26,500.50 cannot be asked for, and rounding would ask for another amount.
  takes: (amount) => isWholeNaira(amount),
  fields: { bank: bankField, email: emailField },
  // The API's English is the page's: one text per code.
  errors: copy.en.errors,
  check(input, session, _at, p) {
    const bank = input.bank ? findNigerianBank(input.bank) : undefined;
    if (!bank) p.add(["bank"], "bank_required");
    const email = buyerEmail(input, session, p);
    if (!bank || p.count) return null;
    return { rail: "ussd", bank, email };
  },
  details,
  nextActions: [dialAction],
  copy,
});

/** A payment the buyer makes by dialling `dialString` from the phone registered with `bank`. */
export function ussdDial(bank: NigerianBank, dialString: string) {
  return {
    nextAction: { type: "ussd", dialString, telUrl: telHref(dialString) } satisfies z.output<typeof dialAction>,
    details: { bank: bank.name, dialString } satisfies z.output<typeof details>,
  };
}
