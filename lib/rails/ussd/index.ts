// USSD (NGN): the buyer picks their bank and dials a string built from its short code.
import { z } from "zod";
import { bankField } from "../bank-select";
import { findNigerianBank, type NigerianBank } from "../ng-banks";
import { defineRail } from "../rail";
import { copy } from "./copy";
import { telHref } from "./ussd";

const details = z.object({ bank: z.string(), dialString: z.string() });
const dialAction = z.object({ type: z.literal("ussd"), dialString: z.string(), telUrl: z.string() });

export const ussd = defineRail({
  id: "ussd",
  currencies: ["NGN"],
  fields: { bank: bankField },
  // The API's English is the page's: one text per code.
  errors: copy.en.errors,
  check(input, _session, _at, p) {
    const bank = input.bank ? findNigerianBank(input.bank) : undefined;
    if (!bank) return p.add(["bank"], "bank_required"), null;
    return { rail: "ussd", bank };
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
