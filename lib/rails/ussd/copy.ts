// What the buyer reads about paying by USSD, in every locale the page speaks: the
// rail's name, its form, its pending view and its errors (the API's own English is in ./index.ts).
import type { Locale } from "@/lib/i18n/locales";
import { EMAIL_COPY } from "../email";
import { bankSelectCopy } from "../bank-select-copy";

const en = {
  name: "USSD",
  form: {
    email: EMAIL_COPY.en.label,
    submit: "Get my USSD code",
    hint: "Choose your bank to get a code to dial from your phone. No internet needed.",
  },
  pending: {
    title: "Dial this code from the phone registered with {bank}",
    hint: "Then follow the prompts to approve {amount}.",
  },
  errors: {
    ...bankSelectCopy.en.errors,
    ...EMAIL_COPY.en.errors,
  },
};

export const copy: Record<Locale, typeof en> = {
  en,
  fr: {
    name: "USSD",
    form: {
      email: EMAIL_COPY.fr.label,
      submit: "Obtenir mon code USSD",
      hint: "Choisissez votre banque pour obtenir un code à composer sur votre téléphone. Sans internet.",
    },
    pending: {
      title: "Composez ce code depuis le téléphone enregistré auprès de {bank}",
      hint: "Suivez ensuite les instructions pour approuver {amount}.",
    },
    errors: {
      ...bankSelectCopy.fr.errors,
      ...EMAIL_COPY.fr.errors,
    },
  },
  pt: {
    name: "USSD",
    form: {
      email: EMAIL_COPY.pt.label,
      submit: "Ver meu código USSD",
      hint: "Escolha seu banco para receber um código para discar no celular. Sem internet.",
    },
    pending: {
      title: "Disque este código no celular cadastrado em {bank}",
      hint: "Depois siga as instruções para aprovar {amount}.",
    },
    errors: {
      ...bankSelectCopy.pt.errors,
      ...EMAIL_COPY.pt.errors,
    },
  },
  es: {
    name: "USSD",
    form: {
      email: EMAIL_COPY.es.label,
      submit: "Ver mi código USSD",
      hint: "Elige tu banco para recibir un código que marcar en tu teléfono. Sin internet.",
    },
    pending: {
      title: "Marca este código desde el teléfono registrado en {bank}",
      hint: "Luego sigue las instrucciones para aprobar {amount}.",
    },
    errors: {
      ...bankSelectCopy.es.errors,
      ...EMAIL_COPY.es.errors,
    },
  },
};
