// Direct debit (NGN): bank, account number (its NUBAN check digit validated) and the buyer's
// consent to the mandate; settles later.
import { z } from "zod";
import { bankField } from "../bank-select";
import { findNigerianBank, type NigerianBank } from "../ng-banks";
import { isValidNuban } from "../nuban";
import { buyerEmail, emailField } from "../email";
import { defineRail, text } from "../rail";
import { redirectToUrl } from "../redirect";
import { copy } from "./copy";

const details = z.object({ bank: z.string(), accountNumber: z.string().meta({ description: "Masked: the last 4 digits only." }) });
const awaitDebit = z.object({ type: z.literal("await_debit"), bank: z.string() });

export const directDebit = defineRail({
  id: "direct_debit",
  currencies: ["NGN"],
  fields: {
    bank: bankField,
    accountNumber: text(20).optional().meta({ description: "10-digit NUBAN (direct_debit)." }),
    mandateConsent: z.boolean().optional().meta({ description: "direct_debit: the buyer authorises the debit mandate." }),
    email: emailField,
  },
  // The API's English is the page's: one text per code.
  errors: copy.en.errors,
  check(input, session, _at, p) {
    const bank = input.bank ? findNigerianBank(input.bank) : undefined;
    if (!bank) p.add(["bank"], "bank_required");
    const account = (input.accountNumber ?? "").replace(/\s/g, "");
    if (bank && !isValidNuban(bank.code, account)) p.add(["accountNumber"], "account_number_invalid");
    if (input.mandateConsent !== true) p.add(["mandateConsent"], "mandate_consent_required");
    const email = buyerEmail(input, session, p);
    if (!bank || p.count) return null;
    return { rail: "direct_debit", bank, accountNumber: account, email };
  },
  details,
  // The mandate is consented on the processor's own page first, when it has one (live mode).
  nextActions: [awaitDebit, redirectToUrl],
  copy,
});

/** A mandate on `accountNumber` at `bank`, waiting for the debit; the account shows masked. */
export function awaitingDebit(bank: NigerianBank, accountNumber: string) {
  return {
    nextAction: { type: "await_debit", bank: bank.name } satisfies z.output<typeof awaitDebit>,
    details: { bank: bank.name, accountNumber: `******${accountNumber.slice(-4)}` } satisfies z.output<typeof details>,
  };
}
