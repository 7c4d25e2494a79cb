// The account a transfer or a virtual account pays into, as the pending view shows it: its words in
// every locale.
import type { Locale } from "@/lib/i18n/locales";

const en = {
  title: "Transfer {amount} to this account",
  amount: "Amount",
  bankName: "Bank",
  accountNumber: "Account number",
  accountName: "Account name",
  exact: "Transfer the exact amount, in one transfer.",
};

export const bankAccountCopy: Record<Locale, typeof en> = {
  en,
  fr: {
    title: "Virez {amount} sur ce compte",
    amount: "Montant",
    bankName: "Banque",
    accountNumber: "Numéro de compte",
    accountName: "Titulaire du compte",
    exact: "Virez le montant exact, en un seul virement.",
  },
  pt: {
    title: "Transfira {amount} para esta conta",
    amount: "Valor",
    bankName: "Banco",
    accountNumber: "Número da conta",
    accountName: "Titular da conta",
    exact: "Transfira o valor exato, em uma única transferência.",
  },
  es: {
    title: "Transfiere {amount} a esta cuenta",
    amount: "Importe",
    bankName: "Banco",
    accountNumber: "Número de cuenta",
    accountName: "Titular de la cuenta",
    exact: "Transfiere el importe exacto, en una sola transferencia.",
  },
};
