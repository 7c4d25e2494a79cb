// How an installment plan reads in the card form's select: every part as charged, so what the
// buyer reads adds up to the total to the cent (the processor is asked for the total itself).
import type { Locale } from "@/lib/i18n/locales";
import { t } from "@/lib/i18n/messages";
import { formatMoney, type Currency } from "@/lib/money/currencies";
import { installmentGroups } from "./card";
import { copy } from "./copy";

/** "2 × R$43.73 + 2 × R$43.72" for R$174.90 in 4; "Pay in full: R$174.90" for 1. */
export function installmentOptionText(amountMinor: number, count: number, currency: Currency, locale: Locale): string {
  const c = copy[locale].form;
  if (count === 1) return t(c.installmentsFull, { amount: formatMoney(amountMinor, currency, locale) });
  return installmentGroups(amountMinor, count)
    .map((g) => t(c.installmentsPart, { n: g.count, amount: formatMoney(g.amount, currency, locale) }))
    .join(" + ");
}
