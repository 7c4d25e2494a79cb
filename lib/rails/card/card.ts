// Card checks that run before any attempt: brand, Luhn, length, expiry, CVC.
// Browser-safe: the checkout page runs the same checks as the buyer types.

import creditCardType from "credit-card-type";
import cardValidator from "card-validator";
import luhn10 from "card-validator/dist/luhn-10";

export type CardBrand =
  | "visa"
  | "mastercard"
  | "amex"
  | "diners"
  | "discover"
  | "jcb"
  | "unionpay"
  | "maestro"
  | "elo"
  | "hipercard"
  | "hiper"
  | "mir"
  | "troy"
  | "naranja"
  | "verve";

const LIBRARY_TYPES: Readonly<Record<string, CardBrand>> = {
  visa: "visa",
  mastercard: "mastercard",
  "american-express": "amex",
  "diners-club": "diners",
  discover: "discover",
  jcb: "jcb",
  unionpay: "unionpay",
  maestro: "maestro",
  elo: "elo",
  hipercard: "hipercard",
  hiper: "hiper",
  mir: "mir",
  troy: "troy",
  naranja: "naranja",
  verve: "verve",
};

// The library knows only scattered Verve BINs in these ranges and calls the
// rest Maestro; they are checked first so the longer, Verve prefix wins.
const VERVE_RANGES = [
  [506099, 506198],
  [507865, 507964],
] as const;

function isVerve(digits: string): boolean {
  if (digits.length < 6) return false;
  const bin = Number(digits.slice(0, 6));
  return VERVE_RANGES.some(([low, high]) => bin >= low && bin <= high);
}

export function cardDigits(number: string): string | null {
  const digits = number.replace(/[\s-]/g, "");
  return /^\d+$/.test(digits) ? digits : null;
}

export interface CardInspection {
  /** null until the typed digits fit exactly one brand. */
  brand: CardBrand | null;
  luhnValid: boolean;
  lengthValid: boolean;
  cvcLength: number | null;
  last4: string;
  /** Known brand, right length, Luhn passes. */
  valid: boolean;
}

function brandInfo(digits: string): { brand: CardBrand; lengths: number[]; cvcLength: number } | null {
  const [match, ...others] = isVerve(digits)
    ? [creditCardType.getTypeInfo("verve")]
    : creditCardType(digits);
  const brand = match && LIBRARY_TYPES[match.type];
  if (!match || !brand || others.length > 0) return null;
  return { brand, lengths: match.lengths, cvcLength: match.code.size };
}

export function inspectCard(number: string): CardInspection {
  const digits = cardDigits(number);
  if (!digits) {
    return { brand: null, luhnValid: false, lengthValid: false, cvcLength: null, last4: "", valid: false };
  }
  const info = brandInfo(digits);
  const luhnValid = luhn10(digits);
  const lengthValid = info?.lengths.includes(digits.length) ?? false;
  return {
    brand: info?.brand ?? null,
    luhnValid,
    lengthValid,
    cvcLength: info?.cvcLength ?? null,
    last4: digits.length >= 4 ? digits.slice(-4) : "",
    valid: info !== null && luhnValid && lengthValid,
  };
}

export type ExpiryCheck =
  | { valid: true; month: number; year: number }
  | { valid: false; reason: "invalid_month" | "invalid_year" | "expired" | "too_far" };

function toInteger(value: number | string, pattern: RegExp): number | null {
  if (typeof value === "number") return Number.isInteger(value) ? value : null;
  const text = value.trim();
  return pattern.test(text) ? Number(text) : null;
}

/** How far ahead an expiry may be, as card-validator allows. */
const MAX_YEARS_AHEAD = 19;
const TWELVE_HOURS_MS = 12 * 3_600_000;

/**
 * A card works through the last day of its expiry month. `now` is a parameter
 * (card-validator reads the clock itself) so the check is testable and matches
 * the server's notion of time.
 */
export function validateExpiry(month: number | string, year: number | string, now: Date): ExpiryCheck {
  const m = toInteger(month, /^\d{1,2}$/);
  if (m === null || m < 1 || m > 12) return { valid: false, reason: "invalid_month" };
  const y = toInteger(year, /^(\d{2}|\d{4})$/);
  if (y === null || (y >= 100 && y < 2000) || y > 9999 || y < 0) return { valid: false, reason: "invalid_year" };
  const fullYear = y < 100 ? 2000 + y : y;

  // The month is over only once it has ended in every time zone (UTC-12 is
  // last); a buyer late on the 31st is not turned away, the issuer decides.
  const latest = new Date(now.getTime() - TWELVE_HOURS_MS);
  const currentYear = latest.getUTCFullYear();
  const currentMonth = latest.getUTCMonth() + 1;
  if (fullYear < currentYear || (fullYear === currentYear && m < currentMonth)) {
    return { valid: false, reason: "expired" };
  }
  if (fullYear > currentYear + MAX_YEARS_AHEAD) return { valid: false, reason: "too_far" };
  return { valid: true, month: m, year: fullYear };
}

/** With no known brand, either length is accepted; the issuer checks the value. */
export function validateCvc(cvc: string, brand: CardBrand | null): boolean {
  const size = brand === null ? [3, 4] : brandCvcLength(brand);
  return cardValidator.cvv(cvc, size).isValid;
}

function brandCvcLength(brand: CardBrand): number {
  const type = Object.keys(LIBRARY_TYPES).find((key) => LIBRARY_TYPES[key] === brand);
  return type ? creditCardType.getTypeInfo(type).code.size : 3;
}

/** Splits an amount into `count` integer parts; the first parts absorb the remainder. */
export function installmentPlan(amountMinor: number, count: number): number[] {
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0) {
    throw new RangeError("amountMinor must be a positive integer");
  }
  if (!Number.isSafeInteger(count) || count < 1 || count > amountMinor) {
    throw new RangeError("count must be an integer from 1 to amountMinor");
  }
  const base = Math.floor(amountMinor / count);
  const remainder = amountMinor % count;
  return Array.from({ length: count }, (_, i) => base + (i < remainder ? 1 : 0));
}

/**
 * The plan as the buyer reads it: runs of equal parts, the larger first. 174,90 in 4 is
 * [{count: 2, amount: 4373}, {count: 2, amount: 4372}], never "4 × 43,73" (174,92).
 */
export function installmentGroups(amountMinor: number, count: number): { count: number; amount: number }[] {
  const groups: { count: number; amount: number }[] = [];
  for (const part of installmentPlan(amountMinor, count)) {
    const last = groups.at(-1);
    if (last?.amount === part) last.count += 1;
    else groups.push({ count: 1, amount: part });
  }
  return groups;
}

/** "12/28", "12 / 2028", "1228" → month and year as typed; validateExpiry judges them. */
export function splitExpiry(text: string | undefined): { expMonth: string; expYear: string } {
  const t = (text ?? "").replace(/\s/g, "");
  const m = /^(\d{1,2})\/(\d{2}|\d{4})$/.exec(t) ?? /^(\d{2})(\d{2})$/.exec(t);
  return m ? { expMonth: m[1]!, expYear: m[2]! } : { expMonth: "", expYear: "" };
}

export const BRAND_NAMES: Readonly<Record<CardBrand, string>> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  diners: "Diners Club",
  discover: "Discover",
  jcb: "JCB",
  unionpay: "UnionPay",
  maestro: "Maestro",
  elo: "Elo",
  hipercard: "Hipercard",
  hiper: "Hiper",
  mir: "Mir",
  troy: "Troy",
  naranja: "Naranja",
  verve: "Verve",
};

/** Digits grouped as printed on the card: 4-6-5 for American Express, else fours. */
export function formatCardNumber(input: string): string {
  const digits = input.replace(/\D/g, "").slice(0, 19);
  const groups = digits.startsWith("34") || digits.startsWith("37") ? [4, 6, 5] : [4, 4, 4, 4, 3];
  const out: string[] = [];
  let at = 0;
  for (const g of groups) {
    if (at >= digits.length) break;
    out.push(digits.slice(at, at + g));
    at += g;
  }
  return out.join(" ");
}
