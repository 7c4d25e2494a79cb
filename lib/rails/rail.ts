// What every rail module (lib/rails/<rail>/index.ts) holds: the pay input's fields it reads and
// how it checks them before any attempt, what a payment on it produces (its `details` and next
// actions), the currencies it serves, and its words in every locale. A rail knows nothing of
// other rails; the registry (./index.ts) puts them together.
import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import type { Currency } from "@/lib/money/currencies";

/** What the session tells a rail's checks. */
export type PayFacts = {
  amount: number;
  currency: string;
  installments: { maxCount: number } | null;
  customerEmail: string | null;
  customerName: string | null;
  customerDocument: string | null;
  /** The processor that takes the payment needs the buyer's email (the rail asks when the session has none). */
  emailRequired: boolean;
  /** The card is entered on the processor's own page (live mode), never on Kassa's form. */
  hostedCard: boolean;
};

/** Where a rail's checks put the fields to fix, by code. */
export interface Problems<Code extends string = string> {
  add(path: (string | number)[], code: Code): void;
  /** How many so far. */
  readonly count: number;
}

/** A rail's words in one locale: its name (the rail picker's), its field errors, the rest its views' own. */
export type RailCopy<Code extends string> = { name: string; errors: Record<Code, string> };

export type RailModule<
  Id extends string = string,
  Fields extends z.ZodRawShape = z.ZodRawShape,
  Code extends string = string,
  Request extends { rail: Id } = { rail: Id },
  Details extends z.ZodObject = z.ZodObject,
  Action extends z.ZodObject = z.ZodObject,
  Copy extends RailCopy<Code> = RailCopy<Code>,
> = {
  id: Id;
  /** The currencies it can take ("*": every supported currency). */
  currencies: "*" | readonly Currency[];
  /**
   * Whether it can ask the buyer for exactly this amount (in minor units of a currency it
   * serves); absent, every amount. A rail that cannot is not offered for it: a buyer is never
   * asked for more or less than the total.
   */
  takes?(amount: number, currency: Currency): boolean;
  /** The fields of the pay input it reads (the registry merges every rail's into one body). */
  fields: Fields;
  /** Each code its checks report, with the API's English message. */
  errors: Record<Code, string>;
  /** The buyer's input checked before any attempt: the request the provider receives, or null once `p` says why. */
  check(input: z.output<z.ZodObject<Fields>>, session: PayFacts, at: Date, p: Problems<Code>): Request | null;
  /** What a payment on it returns to the merchant as `payment.details`. */
  details: Details;
  /** The next actions its payments can ask of the buyer, each an object told apart by `type`. */
  nextActions: readonly Action[];
  copy: Record<Locale, Copy>;
};

/** A rail module, its types inferred from what it says. */
export function defineRail<
  const Id extends string,
  Fields extends z.ZodRawShape,
  Code extends string,
  Request extends { rail: Id },
  Details extends z.ZodObject,
  Action extends z.ZodObject,
  Copy extends RailCopy<Code>,
>(rail: RailModule<Id, Fields, Code, Request, Details, Action, Copy>) {
  return rail;
}

/** A trimmed text field of the pay input. */
export const text = (max: number) => z.string().trim().max(max);



// ---- In the buyer's browser (lib/rails/<rail>/browser.ts: no zod, nothing server-only) ----

/** The fields of the form being checked, by name; `data` reads a field's `data-*` (a select's, from its chosen option). */
export type FormValues = { value(name: string): string; checked(name: string): boolean; data(name: string, key: string): string | undefined };

/**
 * A field's check as the buyer types (the field names it in `data-check`): the error code of
 * its value, trimmed, or null when it is fine.
 */
export type FieldCheck = (field: { value: string; checked: boolean }, form: FormValues, today: Date) => string | null;

/** A field that changes as it is typed: reformatted, and a badge beside it (a card's brand). */
export type AsTyped = { format?(value: string): string; badge?(value: string): string };

/** What the page's script does for one rail's form. */
export type BrowserRail = { checks: Record<string, FieldCheck>; asTyped?: Record<string, AsTyped> };
