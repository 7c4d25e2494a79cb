// Pix (BRL): an EMV BR Code for the exact amount, shown as a QR image and a copy-paste code.
import { z } from "zod";
import { iso, timestamp } from "@/lib/clock";
import { defineRail } from "../rail";
import { copy } from "./copy";

const details = z.object({ brCode: z.string(), expiresAt: timestamp });
const pixAction = z.object({ type: z.literal("pix"), ...details.shape });

export const pix = defineRail({
  id: "pix",
  currencies: ["BRL"],
  fields: {},
  // The API's English is the page's: one text per code.
  errors: copy.en.errors,
  check: () => ({ rail: "pix" }),
  details,
  nextActions: [pixAction],
  copy,
});

/** A payment by the BR Code `brCode`, payable until `expiresAt`. */
export function pixCharge(brCode: string, expiresAt: Date) {
  return {
    nextAction: { type: "pix", brCode, expiresAt: iso(expiresAt) } satisfies z.output<typeof pixAction>,
    details: { brCode, expiresAt: iso(expiresAt) } satisfies z.output<typeof details>,
  };
}
