// What the buyer reads about paying by bank transfer, in every locale the page speaks: the
// rail's name, its form, its pending view and its errors (the API's own English is in ./index.ts).
import type { Locale } from "@/lib/i18n/locales";
import { EMAIL_COPY } from "../email";

const en = {
  name: "Bank transfer",
  form: {
    email: EMAIL_COPY.en.label,
    submit: "Get account details",
    hint: "You'll get a one-time account number for a transfer of {amount}, valid for 30 minutes.",
  },
  errors: { ...EMAIL_COPY.en.errors },
};

export const copy: Record<Locale, typeof en> = {
  en,
  fr: {
    name: "Virement bancaire",
    form: {
      email: EMAIL_COPY.fr.label,
      submit: "Obtenir les coordonnées du compte",
      hint: "Vous recevrez un numéro de compte à usage unique pour un virement de {amount}, valable 30 minutes.",
    },
    errors: { ...EMAIL_COPY.fr.errors },
  },
  pt: {
    name: "Transferência bancária",
    form: {
      email: EMAIL_COPY.pt.label,
      submit: "Ver os dados da conta",
      hint: "Você receberá um número de conta de uso único para transferir {amount}, válido por 30 minutos.",
    },
    errors: { ...EMAIL_COPY.pt.errors },
  },
  es: {
    name: "Transferencia bancaria",
    form: {
      email: EMAIL_COPY.es.label,
      submit: "Ver los datos de la cuenta",
      hint: "Recibirás un número de cuenta de un solo uso para transferir {amount}, válido por 30 minutos.",
    },
    errors: { ...EMAIL_COPY.es.errors },
  },
};
