// What the buyer reads about paying by direct debit, in every locale the page speaks: the
// rail's name, its form, its pending view and its errors (the API's own English is in ./index.ts).
import type { Locale } from "@/lib/i18n/locales";
import { EMAIL_COPY } from "../email";
import { bankSelectCopy } from "../bank-select-copy";

const en = {
  name: "Direct debit",
  form: {
    email: EMAIL_COPY.en.label,
    accountNumber: "Account number",
    accountNumberHint: "10 digits (NUBAN)",
    consent: "I authorise {merchant} to debit {amount} from this account once.",
    submit: "Authorise debit of {amount}",
    hint: "{merchant} will debit your account once you authorise it. It can take up to 2 days.",
  },
  pending: {
    mandateTitle: "Authorise the direct debit on {provider}'s secure page",
    mandateContinue: "Continue to {provider}",
    title: "Direct debit authorised",
    body: "{bank} will debit {amount} from account {account}. This can take up to 2 days.",
    next: "Your bank debits {amount} within 2 days, then {merchant} confirms your order. Nothing else to do.",
  },
  errors: {
    ...bankSelectCopy.en.errors,
    ...EMAIL_COPY.en.errors,
    account_number_invalid: "Enter a valid 10-digit account number for this bank.",
    mandate_consent_required: "Authorise the direct debit to continue.",
  },
};

export const copy: Record<Locale, typeof en> = {
  en,
  fr: {
    name: "Prélèvement",
    form: {
      email: EMAIL_COPY.fr.label,
      accountNumber: "Numéro de compte",
      accountNumberHint: "10 chiffres (NUBAN)",
      consent: "J'autorise {merchant} à prélever {amount} une fois sur ce compte.",
      submit: "Autoriser le prélèvement de {amount}",
      hint: "{merchant} prélèvera votre compte une fois que vous l'aurez autorisé. Cela peut prendre jusqu'à 2 jours.",
    },
    pending: {
      mandateTitle: "Autorisez le prélèvement sur la page sécurisée de {provider}",
      mandateContinue: "Continuer vers {provider}",
      title: "Prélèvement autorisé",
      body: "{bank} prélèvera {amount} sur le compte {account}. Cela peut prendre jusqu'à 2 jours.",
      next: "Votre banque prélève {amount} sous 2 jours, puis {merchant} confirme votre commande. Vous n'avez rien d'autre à faire.",
    },
    errors: {
      ...bankSelectCopy.fr.errors,
      ...EMAIL_COPY.fr.errors,
      account_number_invalid: "Saisissez un numéro de compte valide à 10 chiffres pour cette banque.",
      mandate_consent_required: "Autorisez le prélèvement pour continuer.",
    },
  },
  pt: {
    name: "Débito direto",
    form: {
      email: EMAIL_COPY.pt.label,
      accountNumber: "Número da conta",
      accountNumberHint: "10 dígitos (NUBAN)",
      consent: "Autorizo {merchant} a debitar {amount} desta conta uma vez.",
      submit: "Autorizar débito de {amount}",
      hint: "{merchant} debitará sua conta depois que você autorizar. Pode levar até 2 dias.",
    },
    pending: {
      mandateTitle: "Autorize o débito automático na página segura da {provider}",
      mandateContinue: "Continuar para a {provider}",
      title: "Débito autorizado",
      body: "{bank} vai debitar {amount} da conta {account}. Pode levar até 2 dias.",
      next: "Seu banco debita {amount} em até 2 dias; então {merchant} confirma seu pedido. Você não precisa fazer mais nada.",
    },
    errors: {
      ...bankSelectCopy.pt.errors,
      ...EMAIL_COPY.pt.errors,
      account_number_invalid: "Informe um número de conta válido de 10 dígitos para este banco.",
      mandate_consent_required: "Autorize o débito para continuar.",
    },
  },
  es: {
    name: "Débito directo",
    form: {
      email: EMAIL_COPY.es.label,
      accountNumber: "Número de cuenta",
      accountNumberHint: "10 dígitos (NUBAN)",
      consent: "Autorizo a {merchant} a debitar {amount} de esta cuenta una vez.",
      submit: "Autorizar débito de {amount}",
      hint: "{merchant} debitará tu cuenta cuando lo autorices. Puede tardar hasta 2 días.",
    },
    pending: {
      mandateTitle: "Autoriza la domiciliación en la página segura de {provider}",
      mandateContinue: "Continuar a {provider}",
      title: "Débito autorizado",
      body: "{bank} debitará {amount} de la cuenta {account}. Puede tardar hasta 2 días.",
      next: "Tu banco debita {amount} en un plazo de 2 días y luego {merchant} confirma tu pedido. No tienes que hacer nada más.",
    },
    errors: {
      ...bankSelectCopy.es.errors,
      ...EMAIL_COPY.es.errors,
      account_number_invalid: "Ingresa un número de cuenta válido de 10 dígitos para este banco.",
      mandate_consent_required: "Autoriza el débito para continuar.",
    },
  },
};
