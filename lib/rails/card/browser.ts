// The card form's checks in the buyer's browser: the same rules the server applies.
import type { BrowserRail } from "../rail";
import { BRAND_NAMES, formatCardNumber, inspectCard, splitExpiry, validateCvc, validateExpiry } from "./card";

export const card: BrowserRail = {
  checks: {
    "card-number": ({ value }) => (inspectCard(value).valid ? null : "card_number_invalid"),
    "card-exp": ({ value }, _form, today) => {
      const { expMonth, expYear } = splitExpiry(value);
      const r = validateExpiry(expMonth, expYear, today);
      return r.valid ? null : r.reason === "expired" ? "card_expired" : "card_expiry_invalid";
    },
    "card-cvc": ({ value }, form) => (validateCvc(value, inspectCard(form.value("number")).brand) ? null : "card_cvc_invalid"),
    // The receipt's address, asked though the sandbox needs none.
    "email-optional": ({ value }) => (!value || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? null : "email_invalid"),
  },
  asTyped: {
    "card-number": {
      format: formatCardNumber,
      badge: (value) => {
        const brand = inspectCard(value).brand;
        return brand ? BRAND_NAMES[brand] : "";
      },
    },
  },
};
