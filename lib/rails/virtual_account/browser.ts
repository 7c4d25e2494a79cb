// The virtual account form's check in the buyer's browser.
import type { BrowserRail } from "../rail";

export const virtualAccount: BrowserRail = {
  checks: {
    email: ({ value }) => (!value ? "email_required" : /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? null : "email_invalid"),
  },
};
