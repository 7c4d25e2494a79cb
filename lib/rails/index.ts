// Every rail Kassa knows, one module each (lib/rails/<rail>/). The pay input, the API's objects,
// the providers and the page read the rails from here. Adding a rail: its folder, and a line below.
import type { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import type { Currency } from "@/lib/money/currencies";
import { boleto } from "./boleto";
import { card } from "./card";
import { directDebit } from "./direct_debit";
import { mobileMoney } from "./mobile_money";
import { pix } from "./pix";
import type { PayFacts, Problems } from "./rail";
import { transfer } from "./transfer";
import { ussd } from "./ussd";
import { virtualAccount } from "./virtual_account";

export type { PayFacts, Problems } from "./rail";
export type { BankAccount } from "./bank-account";

/** In the order the API lists them. */
const MODULES = [card, transfer, virtualAccount, ussd, directDebit, pix, boleto, mobileMoney] as const;

type Module = (typeof MODULES)[number];
type ModuleOf<R extends Rail> = Extract<Module, { id: R }>;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

export type Rail = Module["id"];

export const RAILS: Rail[] = MODULES.map((m) => m.id);

export const RAIL_MODULES = Object.fromEntries(MODULES.map((m) => [m.id, m])) as { [R in Rail]: ModuleOf<R> };

export function isRail(value: string): value is Rail {
  return Object.hasOwn(RAIL_MODULES, value);
}

/** The currencies each rail can take ("*" is every supported currency). */
export const RAIL_CURRENCIES = Object.fromEntries(MODULES.map((m) => [m.id, m.currencies])) as { [R in Rail]: ModuleOf<R>["currencies"] };

export function railServes(rail: Rail, currency: Currency): boolean {
  const served: "*" | readonly Currency[] = RAIL_CURRENCIES[rail];
  return served === "*" || served.includes(currency);
}

/** Whether `rail` can ask for exactly `amount` of `currency`: it serves the currency, and the amount (USSD: no kobo). */
export function railTakes(rail: Rail, currency: Currency, amount: number): boolean {
  const takes: ((amount: number, currency: Currency) => boolean) | undefined = RAIL_MODULES[rail].takes;
  return railServes(rail, currency) && (takes ? takes(amount, currency) : true);
}

// ---- What the buyer sends ----

/** Every rail's fields of the pay input, in one body (rails that read the same field declare it alike). */
export const PAY_FIELDS = Object.assign({}, ...MODULES.map((m) => m.fields)) as UnionToIntersection<Module["fields"]>;

export type PayFields = { rail: Rail } & z.output<z.ZodObject<typeof PAY_FIELDS>>;

/** Why a rail refused the buyer's input, by code, in the API's English. */
export const RAIL_ERRORS = Object.assign({}, ...MODULES.map((m) => m.errors)) as UnionToIntersection<Module["errors"]>;

export type RailErrorCode = keyof typeof RAIL_ERRORS;

/** What the buyer gave for each rail, checked: what the provider receives. */
export type RailRequest = NonNullable<ReturnType<Module["check"]>>;

/** The input checked by its rail: the request for the provider, or null once `p` holds the fields to fix. */
export function checkPayInput(input: PayFields, session: PayFacts, at: Date, p: Problems<RailErrorCode>): RailRequest | null {
  const check = RAIL_MODULES[input.rail].check as (input: PayFields, session: PayFacts, at: Date, p: Problems<RailErrorCode>) => RailRequest | null;
  return check(input, session, at, p);
}

// ---- What a payment produces ----

/** What each rail returns as `payment.details`. */
export const RAIL_DETAILS = Object.fromEntries(MODULES.map((m) => [m.id, m.details])) as { [R in Rail]: ModuleOf<R>["details"] };

export type RailDetails<R extends Rail = Rail> = { [K in Rail]: z.output<ModuleOf<K>["details"]> }[R];

type NextActionSchema = Module["nextActions"][number];

/** Every next action a rail can ask of the buyer, each once (rails may share one: transfer and virtual_account do). */
export const NEXT_ACTIONS = [...new Set<NextActionSchema>(MODULES.flatMap((m): readonly NextActionSchema[] => m.nextActions))] as [NextActionSchema, ...NextActionSchema[]];

/** What the buyer has to do next, told apart by `type`. */
export type NextAction = z.output<NextActionSchema>;

// ---- What the buyer reads ----

/** A rail's words in `locale`. */
export function railCopy<R extends Rail>(rail: R, locale: Locale): ModuleOf<R>["copy"][Locale] {
  return RAIL_MODULES[rail].copy[locale] as ModuleOf<R>["copy"][Locale];
}

/** The name of `rail` in `locale`, as the rail picker shows it. */
export function railName(rail: Rail, locale: Locale): string {
  return RAIL_MODULES[rail].copy[locale].name;
}

/** Every rail's field errors in `locale`, by code. */
export function railErrorCopy(locale: Locale): Record<RailErrorCode, string> {
  return Object.assign({}, ...MODULES.map((m) => m.copy[locale].errors));
}
