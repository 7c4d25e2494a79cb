// The bank picker that USSD and direct debit share: its words in every locale.
import type { Locale } from "@/lib/i18n/locales";

const en = {
  label: "Your bank",
  choose: "Choose your bank",
  errors: {
    bank_required: "Choose your bank.",
  },
};

export const bankSelectCopy: Record<Locale, typeof en> = {
  en,
  fr: {
    label: "Votre banque",
    choose: "Choisissez votre banque",
    errors: {
      bank_required: "Choisissez votre banque.",
    },
  },
  pt: {
    label: "Seu banco",
    choose: "Escolha seu banco",
    errors: {
      bank_required: "Escolha seu banco.",
    },
  },
  es: {
    label: "Tu banco",
    choose: "Elige tu banco",
    errors: {
      bank_required: "Elige tu banco.",
    },
  },
};
