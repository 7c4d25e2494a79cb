// What the buyer reads about paying by bank transfer, in every locale the page speaks: the
// rail's name, its form, its pending view and its errors (the API's own English is in ./index.ts).
import type { Locale } from "@/lib/i18n/locales";

const en = {
  name: "Bank transfer",
  form: {
    submit: "Get account details",
    hint: "You'll get a one-time account number for a transfer of {amount}, valid for 30 minutes.",
  },
  errors: {},
};

export const copy: Record<Locale, typeof en> = {
  en,
  fr: {
    name: "Virement bancaire",
    form: {
      submit: "Obtenir les coordonnées du compte",
      hint: "Vous recevrez un numéro de compte à usage unique pour un virement de {amount}, valable 30 minutes.",
    },
    errors: {},
  },
  pt: {
    name: "Transferência bancária",
    form: {
      submit: "Ver os dados da conta",
      hint: "Você receberá um número de conta de uso único para transferir {amount}, válido por 30 minutos.",
    },
    errors: {},
  },
  es: {
    name: "Transferencia bancaria",
    form: {
      submit: "Ver los datos de la cuenta",
      hint: "Recibirás un número de cuenta de un solo uso para transferir {amount}, válido por 30 minutos.",
    },
    errors: {},
  },
};
