// What the buyer reads about paying by Pix, in every locale the page speaks: the
// rail's name, its form, its pending view and its errors (the API's own English is in ./index.ts).
import type { Locale } from "@/lib/i18n/locales";

const en = {
  name: "Pix",
  form: {
    submit: "Generate Pix code",
    hint: "You'll get a QR code and a copy-and-paste code, valid for 30 minutes.",
  },
  pending: {
    title: "Scan the QR code with your bank's app",
    hint: "Or copy the code and paste it in the Pix area of your bank's app.",
    code: "Pix copy-and-paste code",
  },
  errors: {},
};

export const copy: Record<Locale, typeof en> = {
  en,
  fr: {
    name: "Pix",
    form: {
      submit: "Générer le code Pix",
      hint: "Vous recevrez un QR code et un code à copier-coller, valables 30 minutes.",
    },
    pending: {
      title: "Scannez le QR code avec l'appli de votre banque",
      hint: "Ou copiez le code et collez-le dans l'espace Pix de votre appli bancaire.",
      code: "Code Pix à copier-coller",
    },
    errors: {},
  },
  pt: {
    name: "Pix",
    form: {
      submit: "Gerar código Pix",
      hint: "Você receberá um QR code e um código copia e cola, válidos por 30 minutos.",
    },
    pending: {
      title: "Escaneie o QR code com o app do seu banco",
      hint: "Ou copie o código e cole na área Pix do app do seu banco.",
      code: "Código Pix copia e cola",
    },
    errors: {},
  },
  es: {
    name: "Pix",
    form: {
      submit: "Generar código Pix",
      hint: "Recibirás un código QR y un código para copiar y pegar, válidos por 30 minutos.",
    },
    pending: {
      title: "Escanea el código QR con la app de tu banco",
      hint: "O copia el código y pégalo en la sección Pix de la app de tu banco.",
      code: "Código Pix para copiar y pegar",
    },
    errors: {},
  },
};
