import type { Currency } from "@/lib/money/currencies";

export const MOBILE_MONEY_CURRENCIES = ["XOF", "XAF", "GHS", "KES", "UGX", "RWF", "TZS", "ZMW"] as const;

/** Every rail Kassa knows and the currencies it can serve ("*" is every supported currency). */
export const RAIL_CURRENCIES = {
  card: "*",
  transfer: ["NGN"],
  virtual_account: ["NGN"],
  ussd: ["NGN"],
  direct_debit: ["NGN"],
  pix: ["BRL"],
  boleto: ["BRL"],
  mobile_money: MOBILE_MONEY_CURRENCIES,
} as const satisfies Record<string, "*" | readonly Currency[]>;

export type Rail = keyof typeof RAIL_CURRENCIES;

export const RAILS = Object.keys(RAIL_CURRENCIES) as Rail[];

export function isRail(value: string): value is Rail {
  return Object.hasOwn(RAIL_CURRENCIES, value);
}

export function railServes(rail: Rail, currency: Currency): boolean {
  const served = RAIL_CURRENCIES[rail];
  return served === "*" || (served as readonly string[]).includes(currency);
}
