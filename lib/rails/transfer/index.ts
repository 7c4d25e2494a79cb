// Bank transfer (NGN): a one-time account for the exact amount; settles when the transfer arrives.
import { bankAccountDetails, bankTransferAction } from "../bank-account";
import { defineRail } from "../rail";
import { copy } from "./copy";

export const transfer = defineRail({
  id: "transfer",
  currencies: ["NGN"],
  fields: {},
  // The API's English is the page's: one text per code.
  errors: copy.en.errors,
  check: () => ({ rail: "transfer" }),
  details: bankAccountDetails,
  nextActions: [bankTransferAction],
  copy,
});
