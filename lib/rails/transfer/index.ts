// Bank transfer (NGN): a one-time account for the exact amount; settles when the transfer arrives.
import { bankAccountDetails, bankTransferAction } from "../bank-account";
import { buyerEmail, emailField } from "../email";
import { defineRail } from "../rail";
import { copy } from "./copy";

export const transfer = defineRail({
  id: "transfer",
  currencies: ["NGN"],
  fields: { email: emailField },
  // The API's English is the page's: one text per code.
  errors: copy.en.errors,
  check(input, session, _at, p) {
    const email = buyerEmail(input, session, p);
    if (p.count) return null;
    return { rail: "transfer", email };
  },
  details: bankAccountDetails,
  nextActions: [bankTransferAction],
  copy,
});
