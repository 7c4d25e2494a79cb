// Mobile money: the buyer's phone and the operators their country has.

// The max metadata knows which number ranges are mobile; the default build
// would accept landlines, which cannot approve a mobile money payment.
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";

/** The currencies mobile money is paid in: one per operator area. */
export const MOBILE_MONEY_CURRENCIES = ["XOF", "XAF", "GHS", "KES", "UGX", "RWF", "TZS", "ZMW"] as const;

export type PhoneCheck =
  | { valid: true; e164: string; country: CountryCode }
  | { valid: false; reason: "unparseable" | "invalid" | "wrong_country" | "not_mobile" };

/** An E.164 number as people write it (`+225 07 07 12 34 56`); anything else as given. */
export function displayPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** Accepts E.164 or, for convenience, the national form of `country`. */
export function validateMobilePhone(input: string, country: CountryCode): PhoneCheck {
  const phone = parsePhoneNumberFromString(input, country);
  if (!phone) return { valid: false, reason: "unparseable" };
  if (!phone.isValid()) return { valid: false, reason: "invalid" };
  if (phone.country !== country) return { valid: false, reason: "wrong_country" };
  const type = phone.getType();
  if (type !== "MOBILE" && type !== "FIXED_LINE_OR_MOBILE") return { valid: false, reason: "not_mobile" };
  return { valid: true, e164: phone.number, country };
}

export interface MobileMoneyOperator {
  id: string;
  name: string;
}

const ORANGE = { id: "orange", name: "Orange Money" };
const MTN = { id: "mtn", name: "MTN Mobile Money" };
const MOOV = { id: "moov", name: "Moov Money" };
const WAVE = { id: "wave", name: "Wave" };
const AIRTEL = { id: "airtel", name: "Airtel Money" };
const MPESA = { id: "mpesa", name: "M-Pesa" };

export type MobileMoneyCurrency = (typeof MOBILE_MONEY_CURRENCIES)[number];

export const MOBILE_MONEY_OPERATORS = {
  CI: { currency: "XOF", operators: [ORANGE, MTN, MOOV, WAVE] },
  SN: { currency: "XOF", operators: [ORANGE, { id: "free", name: "Free Money" }, WAVE] },
  BJ: { currency: "XOF", operators: [MTN, MOOV] },
  BF: { currency: "XOF", operators: [ORANGE, MOOV, WAVE] },
  ML: { currency: "XOF", operators: [ORANGE, MOOV, WAVE] },
  TG: { currency: "XOF", operators: [MOOV, { id: "tmoney", name: "T-Money" }] },
  CM: { currency: "XAF", operators: [MTN, ORANGE] },
  GH: {
    currency: "GHS",
    // Vodafone Ghana became Telecel in 2024; AirtelTigo's wallet is now AT Money.
    operators: [MTN, { id: "telecel", name: "Telecel Cash" }, { id: "airteltigo", name: "AT Money" }],
  },
  KE: { currency: "KES", operators: [MPESA, AIRTEL] },
  UG: { currency: "UGX", operators: [MTN, AIRTEL] },
  RW: { currency: "RWF", operators: [MTN, AIRTEL] },
  TZ: { currency: "TZS", operators: [MPESA, AIRTEL, { id: "tigo", name: "Tigo Pesa" }] },
  ZM: { currency: "ZMW", operators: [MTN, AIRTEL] },
} as const satisfies Partial<
  Record<CountryCode, { currency: MobileMoneyCurrency; operators: readonly MobileMoneyOperator[] }>
>;

export type MobileMoneyCountry = keyof typeof MOBILE_MONEY_OPERATORS;

/** Countries whose buyers can pay a session in `currency` by mobile money. */
export function mobileMoneyCountries(currency: string): MobileMoneyCountry[] {
  return (Object.keys(MOBILE_MONEY_OPERATORS) as MobileMoneyCountry[]).filter(
    (country) => MOBILE_MONEY_OPERATORS[country].currency === currency,
  );
}

export function findMobileMoneyOperator(
  country: string,
  operatorId: string,
): MobileMoneyOperator | undefined {
  if (!Object.hasOwn(MOBILE_MONEY_OPERATORS, country)) return undefined;
  const operators: readonly MobileMoneyOperator[] =
    MOBILE_MONEY_OPERATORS[country as MobileMoneyCountry].operators;
  return operators.find((operator) => operator.id === operatorId);
}

// What the form shows as an example number, per currency (its most populous country): E.164,
// shown through displayPhone, the formatter of the number on the waiting page, so the two agree.
export const EXAMPLE_PHONES: Record<MobileMoneyCurrency, { country: MobileMoneyCountry; e164: string }> = {
  XOF: { country: "CI", e164: "+2250707123456" },
  XAF: { country: "CM", e164: "+237671234567" },
  GHS: { country: "GH", e164: "+233241234567" },
  KES: { country: "KE", e164: "+254712345678" },
  UGX: { country: "UG", e164: "+256712345678" },
  RWF: { country: "RW", e164: "+250781234567" },
  TZS: { country: "TZ", e164: "+255712345678" },
  ZMW: { country: "ZM", e164: "+260971234567" },
};

export function examplePhone(currency: string): string {
  const example = Object.hasOwn(EXAMPLE_PHONES, currency) ? EXAMPLE_PHONES[currency as MobileMoneyCurrency] : EXAMPLE_PHONES.XOF;
  return displayPhone(example.e164);
}

/** The operators a buyer paying in `currency` may use, each once, in a stable order. */
export function mobileMoneyOperators(currency: string): MobileMoneyOperator[] {
  const seen = new Map<string, MobileMoneyOperator>();
  for (const country of mobileMoneyCountries(currency)) {
    for (const op of MOBILE_MONEY_OPERATORS[country].operators) if (!seen.has(op.id)) seen.set(op.id, op);
  }
  return [...seen.values()];
}
