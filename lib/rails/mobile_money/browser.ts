// The mobile money form's check in the buyer's browser: the shape of a phone number only. The
// server knows each country's numbering plan, which is too big to send to the page.
import type { BrowserRail } from "../rail";

export const mobileMoney: BrowserRail = {
  checks: {
    phone: ({ value }) => (!value ? "phone_required" : /^\+?[\d\s().-]{8,}$/.test(value) ? null : "phone_invalid"),
  },
};
