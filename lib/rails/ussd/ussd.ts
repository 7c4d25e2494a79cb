// USSD dial strings for Nigerian bank payments.
//
// Each bank has one shape, mirroring the collectors' published examples:
// - "reference": *<code>*000*<reference>#. The payment holds the amount against
//   the reference, so it is not dialled (e.g. *329*000*3668#).
// - "amount_reference": GTBank, *737*33*<amount>*<reference>#, which carries the
//   amount in the string (e.g. *737*33*4*18791#).

import { NIGERIAN_BANKS, type NigerianBankId } from "../ng-banks";

type DialShape = "reference" | "amount_reference";

const SHAPES: Partial<Record<NigerianBankId, DialShape>> = { gtbank: "amount_reference" };

/** The digits of a short code: "*737#" → "737". */
function shortCodeDigits(ussd: string): string {
  const match = /^\*(\d+)#$/.exec(ussd);
  if (!match?.[1]) throw new Error(`not a USSD short code: ${ussd}`);
  return match[1];
}

/** USSD collects whole naira: an amount with kobo is one the rail cannot ask for. */
export function isWholeNaira(kobo: number): boolean {
  return Number.isSafeInteger(kobo) && kobo > 0 && kobo % 100 === 0;
}

/** The naira of a whole-naira amount; never rounded, since the buyer must be asked for the total. */
export function nairaFromKobo(kobo: number): number {
  if (!isWholeNaira(kobo)) {
    throw new RangeError(`USSD takes a positive whole number of naira, not ${kobo} kobo`);
  }
  return kobo / 100;
}

export function ussdDialString(bankId: string, amountNaira: number, reference: string): string {
  const bank = NIGERIAN_BANKS.find((b) => b.id === bankId);
  if (!bank) throw new RangeError(`unknown bank: ${bankId}`);
  if (!Number.isSafeInteger(amountNaira) || amountNaira <= 0) {
    throw new RangeError("amount must be a positive whole number of naira");
  }
  // A phone keypad has only digits, * and #; the latter two are separators.
  if (!/^\d{1,20}$/.test(reference)) {
    throw new RangeError("reference must be 1 to 20 digits");
  }
  const code = shortCodeDigits(bank.ussd);
  return SHAPES[bank.id] === "amount_reference"
    ? `*${code}*33*${amountNaira}*${reference}#`
    : `*${code}*000*${reference}#`;
}

/** A tel: link; an unescaped # would start the URL fragment and cut the code short. */
export function telHref(dial: string): string {
  if (!/^[\d*#]+$/.test(dial)) throw new RangeError(`not a dial string: ${dial}`);
  return `tel:${dial.replaceAll("#", "%23")}`;
}
