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

// What the form shows as an example number, per currency (its most populous country).
const EXAMPLES: Record<MobileMoneyCurrency, string> = {
  XOF: "+225 07 07 12 34 56",
  XAF: "+237 6 71 23 45 67",
  GHS: "+233 24 123 4567",
  KES: "+254 712 345678",
  UGX: "+256 712 345678",
  RWF: "+250 781 234 567",
  TZS: "+255 712 345 678",
  ZMW: "+260 97 1234567",
};

export function examplePhone(currency: string): string {
  return EXAMPLES[currency as MobileMoneyCurrency] ?? "+225 07 07 12 34 56";
}

/** The operators a buyer paying in `currency` may use, each once, in a stable order. */
export function mobileMoneyOperators(currency: string): MobileMoneyOperator[] {
  const seen = new Map<string, MobileMoneyOperator>();
  for (const country of mobileMoneyCountries(currency)) {
    for (const op of MOBILE_MONEY_OPERATORS[country].operators) if (!seen.has(op.id)) seen.set(op.id, op);
  }
  return [...seen.values()];
}
