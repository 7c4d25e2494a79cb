// A bank account the buyer pays into, as transfer and virtual_account both give one: what a
// payment into it shows (the `bank_transfer` next action) and returns as its details.
import { z } from "zod";
import { iso, timestamp } from "@/lib/clock";

export type BankAccount = { bankId: string; bankName: string; accountNumber: string; accountName: string };

export const bankAccountDetails = z.object({ bankName: z.string(), accountNumber: z.string(), accountName: z.string(), expiresAt: timestamp });

export const bankTransferAction = z.object({ type: z.literal("bank_transfer"), ...bankAccountDetails.shape });

/** A payment into `account` that waits until `expiresAt`: what it asks of the buyer and returns. */
export function bankTransfer(account: BankAccount, expiresAt: Date) {
  const shown = { bankName: account.bankName, accountNumber: account.accountNumber, accountName: account.accountName };
  return {
    nextAction: { type: "bank_transfer", ...shown, expiresAt: iso(expiresAt) } satisfies z.output<typeof bankTransferAction>,
    details: { ...shown, expiresAt: iso(expiresAt) } satisfies z.output<typeof bankAccountDetails>,
  };
}
