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
    until: "Transfer the exact amount, in one transfer, before {when}. The account stays yours: you will see it again the next time you pay {merchant} this way.",
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
      until: "Virez le montant exact, en un seul virement, avant le {when}. Le compte reste à vous : il vous sera redonné la prochaine fois que vous payerez {merchant} de cette façon.",
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
      until: "Transfira o valor exato, em uma única transferência, até {when}. A conta continua sua: você vai vê-la de novo da próxima vez que pagar {merchant} desta forma.",
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
      until: "Transfiere el importe exacto, en una sola transferencia, antes del {when}. La cuenta sigue siendo tuya: la verás de nuevo la próxima vez que pagues a {merchant} de esta forma.",
    },
    errors: {
      email_required: "Ingresa tu correo electrónico.",
      email_invalid: "Ingresa un correo electrónico válido.",
    },
  },
};
