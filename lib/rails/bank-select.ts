// The Nigerian bank the buyer pays from, as USSD and direct debit both ask for one.
import { text } from "./rail";

export const bankField = text(40)
  .optional()
  .meta({ description: "Nigerian bank id or CBN code (ussd, direct_debit), e.g. gtbank or 058." });

