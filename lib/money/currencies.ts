/**
 * ISO 4217 minor-unit exponents for every currency Kassa accepts. Kept explicit because
 * Intl disagrees with ISO on some engines (COP, HUF, IDR and PKR come out as 0 on Node 20).
 */
export const CURRENCY_EXPONENTS = {
  // Africa
  NGN: 2, XOF: 0, XAF: 0, GHS: 2, KES: 2, UGX: 0, RWF: 0, TZS: 2, ZMW: 2, ZAR: 2, EGP: 2, MAD: 2, TND: 3,
  // Latin America
  BRL: 2, MXN: 2, COP: 2, CLP: 0, ARS: 2, PEN: 2, PYG: 0, UYU: 2, BOB: 2, GTQ: 2, CRC: 2, NIO: 2,
  // North America and Europe
  USD: 2, CAD: 2, EUR: 2, GBP: 2, CHF: 2, PLN: 2, HUF: 2, ISK: 0,
  // Asia and Oceania
  JPY: 0, KRW: 0, CNY: 2, HKD: 2, SGD: 2, INR: 2, IDR: 2, PKR: 2, PHP: 2, THB: 2, MYR: 2, VND: 0, AUD: 2, NZD: 2,
  // Middle East
  SAR: 2, AED: 2, KWD: 3, QAR: 2, OMR: 3, BHD: 3, JOD: 3,
} as const satisfies Record<string, 0 | 2 | 3>;

export type Currency = keyof typeof CURRENCY_EXPONENTS;

export const CURRENCIES = Object.keys(CURRENCY_EXPONENTS) as Currency[];

export function isCurrency(code: string): code is Currency {
  return Object.hasOwn(CURRENCY_EXPONENTS, code);
}

export function minorUnits(currency: Currency): 0 | 2 | 3 {
  return CURRENCY_EXPONENTS[currency];
}

/** "250000" kobo → "2500.00": exact decimal text, no floating point on the way. */
export function toDecimalString(amountMinor: number, currency: Currency): string {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`amount must be a safe integer, got ${amountMinor}`);
  const digits = minorUnits(currency);
  const sign = amountMinor < 0 ? "-" : "";
  const abs = String(Math.abs(amountMinor));
  if (digits === 0) return sign + abs;
  const padded = abs.padStart(digits + 1, "0");
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, currency: Currency, display: "symbol" | "narrowSymbol"): Intl.NumberFormat {
  const cacheKey = `${locale}|${currency}|${display}`;
  let f = formatters.get(cacheKey);
  if (!f) {
    const digits = minorUnits(currency);
    f = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      currencyDisplay: display,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(cacheKey, f);
  }
  return f;
}

/**
 * Formats minor units for a buyer: the locale's conventions, the table's digits. Where the
 * locale only knows the ISO code ("NGN 2,500.00" in English) the narrow symbol is used
 * ("₦2,500.00"); where it has an unambiguous symbol ("$US") that one is kept.
 */
export function formatMoney(amountMinor: number, currency: Currency, locale: string): string {
  // Intl accepts decimal strings exactly (no float rounding for 10^12 minor units).
  const value = toDecimalString(amountMinor, currency) as unknown as number;
  const withSymbol = formatter(locale, currency, "symbol");
  const symbolPart = withSymbol.formatToParts(value).find((p) => p.type === "currency")?.value;
  if (symbolPart === currency) return formatter(locale, currency, "narrowSymbol").format(value);
  return withSymbol.format(value);
}
