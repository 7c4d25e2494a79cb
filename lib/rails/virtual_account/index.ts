// Virtual account (NGN): like a transfer, but the account is the customer's own, kept for their
// email and given again in their later sessions.
import { z } from "zod";
import { bankAccountDetails, bankTransferAction, type BankAccount } from "../bank-account";
import { defineRail, text } from "../rail";
import { copy } from "./copy";

const emailShape = z.email();

export const virtualAccount = defineRail({
  id: "virtual_account",
  currencies: ["NGN"],
  fields: { email: text(254).optional() },
  errors: {
    email_required: "Enter your email address.",
    email_invalid: "Enter a valid email address.",
  },
  check(input, session, _at, p) {
    const email = (input.email || session.customerEmail || "").toLowerCase();
    if (!email) return p.add(["email"], "email_required"), null;
    if (!emailShape.safeParse(email).success) return p.add(["email"], "email_invalid"), null;
    // The account saved for this email, if any, is looked up by the domain before the provider is called.
    return { rail: "virtual_account", email, account: null as BankAccount | null };
  },
  details: bankAccountDetails,
  nextActions: [bankTransferAction],
  copy,
});
