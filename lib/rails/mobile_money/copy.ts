// What the buyer reads about paying by mobile money, in every locale the page speaks: the
// rail's name, its form, its pending view and its errors (the API's own English is in ./index.ts).
import type { Locale } from "@/lib/i18n/locales";

const en = {
  name: "Mobile money",
  form: {
    operator: "Mobile money operator",
    chooseOperator: "Choose your operator",
    phone: "Mobile number",
    phoneHint: "With the country code, e.g. {example}",
    submit: "Send approval request",
    hint: "You'll approve the payment on your phone.",
  },
  pending: {
    title: "Approve the payment on your phone",
    body: "We sent a request for {amount} to {phone} ({operator}). Follow the prompt on your phone to approve it.",
  },
  errors: {
    operator_required: "Choose your mobile money operator.",
    operator_invalid: "This operator does not serve this phone number.",
    phone_required: "Enter your mobile number.",
    phone_invalid: "Enter a valid mobile number for this country.",
  },
};

export const copy: Record<Locale, typeof en> = {
  en,
  fr: {
    name: "Mobile money",
    form: {
      operator: "Opérateur mobile money",
      chooseOperator: "Choisissez votre opérateur",
      phone: "Numéro de mobile",
      phoneHint: "Avec l'indicatif du pays, par ex. {example}",
      submit: "Envoyer la demande d'approbation",
      hint: "Vous approuverez le paiement sur votre téléphone.",
    },
    pending: {
      title: "Approuvez le paiement sur votre téléphone",
      body: "Nous avons envoyé une demande de {amount} au {phone} ({operator}). Suivez les instructions sur votre téléphone pour l'approuver.",
    },
    errors: {
      operator_required: "Choisissez votre opérateur mobile money.",
      operator_invalid: "Cet opérateur ne dessert pas ce numéro.",
      phone_required: "Saisissez votre numéro de mobile.",
      phone_invalid: "Saisissez un numéro de mobile valide pour ce pays.",
    },
  },
  pt: {
    name: "Dinheiro móvel",
    form: {
      operator: "Operadora de dinheiro móvel",
      chooseOperator: "Escolha sua operadora",
      phone: "Número de celular",
      phoneHint: "Com o código do país, por exemplo {example}",
      submit: "Enviar pedido de aprovação",
      hint: "Você vai aprovar o pagamento no seu celular.",
    },
    pending: {
      title: "Aprove o pagamento no seu celular",
      body: "Enviamos um pedido de {amount} para {phone} ({operator}). Siga as instruções no celular para aprovar.",
    },
    errors: {
      operator_required: "Escolha sua operadora de dinheiro móvel.",
      operator_invalid: "Esta operadora não atende este número.",
      phone_required: "Informe seu número de celular.",
      phone_invalid: "Informe um número de celular válido para este país.",
    },
  },
  es: {
    name: "Dinero móvil",
    form: {
      operator: "Operador de dinero móvil",
      chooseOperator: "Elige tu operador",
      phone: "Número de celular",
      phoneHint: "Con el código de país, p. ej. {example}",
      submit: "Enviar solicitud de aprobación",
      hint: "Aprobarás el pago en tu teléfono.",
    },
    pending: {
      title: "Aprueba el pago en tu teléfono",
      body: "Enviamos una solicitud de {amount} a {phone} ({operator}). Sigue las instrucciones en tu teléfono para aprobarla.",
    },
    errors: {
      operator_required: "Elige tu operador de dinero móvil.",
      operator_invalid: "Este operador no atiende este número.",
      phone_required: "Ingresa tu número de celular.",
      phone_invalid: "Ingresa un número de celular válido para este país.",
    },
  },
};
