// What the page's script (lib/checkout/enhance) runs for each rail's form: field checks and
// as-typed formatting, from each rail's browser-safe module. Rails whose form has nothing to
// check here have no line.
import type { Rail } from ".";
import { boleto } from "./boleto/browser";
import { card } from "./card/browser";
import { directDebit } from "./direct_debit/browser";
import { mobileMoney } from "./mobile_money/browser";
import type { AsTyped, BrowserRail, FieldCheck } from "./rail";
import { virtualAccount } from "./virtual_account/browser";

export type { AsTyped, FieldCheck, FormValues } from "./rail";

const BROWSER_RAILS: Partial<Record<Rail, BrowserRail>> = {
  card,
  virtual_account: virtualAccount,
  direct_debit: directDebit,
  boleto,
  mobile_money: mobileMoney,
};

/** Every rail's field checks, by the name a field gives in `data-check`. */
export const FIELD_CHECKS: Record<string, FieldCheck> = Object.assign({}, ...Object.values(BROWSER_RAILS).map((r) => r.checks));

/** Every rail's as-typed fields, by the same names. */
export const AS_TYPED: Record<string, AsTyped> = Object.assign({}, ...Object.values(BROWSER_RAILS).map((r) => r.asTyped ?? {}));
