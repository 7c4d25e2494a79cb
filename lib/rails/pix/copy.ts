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
    title: "Pay with Pix in your bank's app",
    hint: "Copy the code and paste it in the Pix area of your bank's app.",
    code: "Pix copy-and-paste code",
    copyCode: "Copy Pix code",
    qrHint: "Scan this QR code with your bank's app.",
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
      title: "Payez par Pix dans l'appli de votre banque",
      hint: "Copiez le code et collez-le dans l'espace Pix de votre appli bancaire.",
      code: "Code Pix à copier-coller",
      copyCode: "Copier le code Pix",
      qrHint: "Scannez ce QR code avec l'appli de votre banque.",
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
      title: "Pague com Pix no app do seu banco",
      hint: "Copie o código e cole na área Pix do app do seu banco.",
      code: "Código Pix copia e cola",
      copyCode: "Copiar código Pix",
      qrHint: "Escaneie este QR code com o app do seu banco.",
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
      title: "Paga con Pix en la app de tu banco",
      hint: "Copia el código y pégalo en la sección Pix de la app de tu banco.",
      code: "Código Pix para copiar y pegar",
      copyCode: "Copiar código Pix",
      qrHint: "Escanea este código QR con la app de tu banco.",
    },
    errors: {},
  },
};
