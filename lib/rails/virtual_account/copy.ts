// What the buyer reads about paying by virtual account, in every locale the page speaks: the
// rail's name, its form, its pending view and its errors (the API's own English is in ./index.ts).
import type { Locale } from "@/lib/i18n/locales";

const en = {
  name: "Virtual account",
  form: {
    email: "Email",
    submit: "Get my account details",
    hint: "You'll get an account number of your own: pay {amount} into it now, and use it again for future payments.",
  },
  pending: {
    reuse: "This account is yours: you can use it again for future payments to {merchant}.",
  },
  errors: {
    email_required: "Enter your email address.",
    email_invalid: "Enter a valid email address.",
  },
};

export const copy: Record<Locale, typeof en> = {
  en,
  fr: {
    name: "Compte virtuel",
    form: {
      email: "E-mail",
      submit: "Obtenir mon compte",
      hint: "Vous recevrez un numéro de compte à vous : versez-y {amount} maintenant et réutilisez-le pour vos prochains paiements.",
    },
    pending: {
      reuse: "Ce compte est à vous : réutilisez-le pour vos prochains paiements à {merchant}.",
    },
    errors: {
      email_required: "Saisissez votre adresse e-mail.",
      email_invalid: "Saisissez une adresse e-mail valide.",
    },
  },
  pt: {
    name: "Conta virtual",
    form: {
      email: "E-mail",
      submit: "Ver minha conta",
      hint: "Você receberá uma conta só sua: pague {amount} nela agora e use-a de novo nos próximos pagamentos.",
    },
    pending: {
      reuse: "Esta conta é sua: use-a de novo nos próximos pagamentos a {merchant}.",
    },
    errors: {
      email_required: "Informe seu e-mail.",
      email_invalid: "Informe um e-mail válido.",
    },
  },
  es: {
    name: "Cuenta virtual",
    form: {
      email: "Correo electrónico",
      submit: "Ver mi cuenta",
      hint: "Recibirás una cuenta propia: paga {amount} en ella ahora y vuelve a usarla en tus próximos pagos.",
    },
    pending: {
      reuse: "Esta cuenta es tuya: vuelve a usarla en tus próximos pagos a {merchant}.",
    },
    errors: {
      email_required: "Ingresa tu correo electrónico.",
      email_invalid: "Ingresa un correo electrónico válido.",
    },
  },
};
