// Virtual account (NGN): like a transfer, but the account is the customer's own, kept for their
// email and given again in their later sessions.
import { z } from "zod";
import { bankAccountDetails, bankTransferAction, type BankAccount } from "../bank-account";
import { emailField } from "../email";
import { defineRail } from "../rail";
import { copy } from "./copy";

const emailShape = z.email();

/** The buyer's email, and the account already kept for it (the domain looks it up before the provider is called). */
export type VirtualAccountRequest = { rail: "virtual_account"; email: string; account: BankAccount | null };

export const virtualAccount = defineRail({
  id: "virtual_account",
  currencies: ["NGN"],
  fields: { email: emailField },
  // The API's English is the page's: one text per code.
  errors: copy.en.errors,
  check(input, session, _at, p): VirtualAccountRequest | null {
    const email = (input.email || session.customerEmail || "").toLowerCase();
    if (!email) return p.add(["email"], "email_required"), null;
    if (!emailShape.safeParse(email).success) return p.add(["email"], "email_invalid"), null;
    return { rail: "virtual_account", email, account: null };
  },
  details: bankAccountDetails,
  nextActions: [bankTransferAction],
  copy,
});
