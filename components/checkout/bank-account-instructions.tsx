// The account to pay into, as the transfer and virtual account pending views both show it.
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { t, type Messages } from "@/lib/i18n/messages";
import type { NextAction } from "@/lib/rails";
import { toDecimalString, type Currency } from "@/lib/money/currencies";
import { bankAccountCopy } from "@/lib/rails/bank-account-copy";
import { Copyable } from "./copyable";

type Props = {
  action: Extract<NextAction, { type: "bank_transfer" }>;
  /** In minor units: what "Copy amount" copies, as the digits a bank app takes ("26500.00"). */
  amount: number;
  amountText: string;
  currency: Currency;
  locale: Locale;
  m: Messages;
  /** The sentence on when to pay by, in place of "the exact amount… Valid until" (a virtual account's says the account outlives it). */
  deadline?: string;
};

export function BankAccountInstructions({ action, amount, amountText, currency, locale, m, deadline }: Props) {
  const c = bankAccountCopy[locale];
  return (
    <div className="space-y-2">
      <h3 className="font-semibold">{t(c.title, { amount: amountText })}</h3>
      <dl className="divide-y divide-slate-200">
        <Copyable label={c.amount} value={toDecimalString(amount, currency)} display={amountText} m={m} mono={false} />
        <div className="py-2">
          <dt className="text-sm text-slate-700">{c.bankName}</dt>
          <dd className="text-lg font-semibold">{action.bankName}</dd>
        </div>
        <Copyable label={c.accountNumber} value={action.accountNumber} m={m} />
        <div className="py-2">
          <dt className="text-sm text-slate-700">{c.accountName}</dt>
          <dd className="font-semibold break-words">{action.accountName}</dd>
        </div>
      </dl>
      <p className="text-sm text-slate-700">
        {deadline ?? `${c.exact} ${t(m.pending.validUntil, { time: formatDateTime(new Date(action.expiresAt), locale, currency) })}`}
      </p>
    </div>
  );
}
