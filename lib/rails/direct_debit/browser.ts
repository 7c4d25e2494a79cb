// The direct debit form's checks in the buyer's browser: the account number's NUBAN check
// digit for the chosen bank (its CBN code is on its option), and the mandate's consent.
import { isValidNuban } from "../nuban";
import type { BrowserRail } from "../rail";

export const directDebit: BrowserRail = {
  checks: {
    nuban: ({ value }, form) => {
      const code = form.data("bank", "code");
      return !code || isValidNuban(code, value) ? null : "account_number_invalid";
    },
    consent: ({ checked }) => (checked ? null : "mandate_consent_required"),
  },
};
