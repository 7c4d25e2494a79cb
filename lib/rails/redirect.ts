// A processor's own page the buyer finishes on (SPEC 8): a card typed there, a direct debit
// mandate consented there. Rails that send the buyer away share this one next action.
import { z } from "zod";

export const redirectToUrl = z.object({ type: z.literal("redirect_to_url"), url: z.string() });

export function redirectTo(url: string): z.output<typeof redirectToUrl> {
  return { type: "redirect_to_url", url };
}
