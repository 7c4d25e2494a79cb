// CBN NUBAN: a 10-digit account number whose last digit checks the 3-digit bank
// code together with the 9-digit serial, so a typo in either is caught before a
// transfer is attempted.

const WEIGHTS = [3, 7, 3, 3, 7, 3, 3, 7, 3, 3, 7, 3] as const;

// The bank table is shared with the USSD and direct-debit rails, so it lives on
// its own; re-exported here because a NUBAN is meaningless without its bank.
export { NIGERIAN_BANKS, findNigerianBank } from "./ng-banks";
export type { NigerianBank, NigerianBankId } from "./ng-banks";

function assertDigits(value: string, length: number, what: string): void {
  if (!new RegExp(`^\\d{${length}}$`).test(value)) {
    throw new RangeError(`${what} must be ${length} digits`);
  }
}

export function nubanCheckDigit(bankCode: string, serial9: string): number {
  assertDigits(bankCode, 3, "bank code");
  assertDigits(serial9, 9, "serial");
  const digits = bankCode + serial9;
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) {
    sum += Number(digits[i]) * WEIGHTS[i]!;
  }
  return (10 - (sum % 10)) % 10;
}

export function makeNuban(bankCode: string, serial9: string): string {
  return serial9 + String(nubanCheckDigit(bankCode, serial9));
}

export function isValidNuban(bankCode: string, account10: string): boolean {
  if (!/^\d{3}$/.test(bankCode) || !/^\d{10}$/.test(account10)) return false;
  return makeNuban(bankCode, account10.slice(0, 9)) === account10;
}
