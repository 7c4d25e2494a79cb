// What the buyer reads about paying by card, in every locale the page speaks: the
// rail's name, its form, its pending view and its errors (the API's own English is in ./index.ts).
import type { Locale } from "@/lib/i18n/locales";

const en = {
  name: "Card",
  form: {
    number: "Card number",
    expiry: "Expiry date",
    expiryHint: "MM / YY",
    cvc: "Security code",
    cvcHint: "3 or 4 digits on the card",
    holder: "Name on card",
    brand: "Card type: {brand}",
    installments: "Installments",
    installmentsFull: "Pay in full: {amount}",
    installmentsOption: "{n} × {amount}",
    submit: "Pay {amount}",
  },
  pending: {
    title: "Your bank needs to confirm this payment",
    body: "Continue to your bank's check to finish paying by card.",
    continue: "Continue to verification",
  },
  errors: {
    card_required: "Enter your card details.",
    card_number_invalid: "This card number is not valid.",
    card_expiry_invalid: "Enter the expiry date as MM / YY.",
    card_expired: "This card has expired.",
    card_cvc_invalid: "This security code is not valid.",
    installments_invalid: "Choose a number of installments that is offered.",
  },
};

export const copy: Record<Locale, typeof en> = {
  en,
  fr: {
    name: "Carte",
    form: {
      number: "Numéro de carte",
      expiry: "Date d'expiration",
      expiryHint: "MM / AA",
      cvc: "Code de sécurité",
      cvcHint: "3 ou 4 chiffres sur la carte",
      holder: "Nom sur la carte",
      brand: "Type de carte : {brand}",
      installments: "Paiement en plusieurs fois",
      installmentsFull: "Payer en une fois : {amount}",
      installmentsOption: "{n} × {amount}",
      submit: "Payer {amount}",
    },
    pending: {
      title: "Votre banque doit confirmer ce paiement",
      body: "Passez à la vérification de votre banque pour terminer le paiement par carte.",
      continue: "Passer à la vérification",
    },
    errors: {
      card_required: "Saisissez les informations de votre carte.",
      card_number_invalid: "Ce numéro de carte n'est pas valide.",
      card_expiry_invalid: "Saisissez la date d'expiration au format MM / AA.",
      card_expired: "Cette carte a expiré.",
      card_cvc_invalid: "Ce code de sécurité n'est pas valide.",
      installments_invalid: "Choisissez un nombre d'échéances proposé.",
    },
  },
  pt: {
    name: "Cartão",
    form: {
      number: "Número do cartão",
      expiry: "Validade",
      expiryHint: "MM / AA",
      cvc: "Código de segurança",
      cvcHint: "3 ou 4 dígitos no cartão",
      holder: "Nome no cartão",
      brand: "Bandeira: {brand}",
      installments: "Parcelas",
      installmentsFull: "À vista: {amount}",
      installmentsOption: "{n}x de {amount} sem juros",
      submit: "Pagar {amount}",
    },
    pending: {
      title: "Seu banco precisa confirmar este pagamento",
      body: "Continue para a verificação do seu banco para concluir o pagamento com cartão.",
      continue: "Continuar para a verificação",
    },
    errors: {
      card_required: "Informe os dados do cartão.",
      card_number_invalid: "Este número de cartão não é válido.",
      card_expiry_invalid: "Informe a validade no formato MM / AA.",
      card_expired: "Este cartão está vencido.",
      card_cvc_invalid: "Este código de segurança não é válido.",
      installments_invalid: "Escolha um número de parcelas disponível.",
    },
  },
  es: {
    name: "Tarjeta",
    form: {
      number: "Número de tarjeta",
      expiry: "Fecha de vencimiento",
      expiryHint: "MM / AA",
      cvc: "Código de seguridad",
      cvcHint: "3 o 4 dígitos de la tarjeta",
      holder: "Nombre en la tarjeta",
      brand: "Tipo de tarjeta: {brand}",
      installments: "Cuotas",
      installmentsFull: "En un pago: {amount}",
      installmentsOption: "{n} cuotas de {amount}",
      submit: "Pagar {amount}",
    },
    pending: {
      title: "Tu banco necesita confirmar este pago",
      body: "Continúa a la verificación de tu banco para terminar de pagar con tarjeta.",
      continue: "Continuar a la verificación",
    },
    errors: {
      card_required: "Ingresa los datos de tu tarjeta.",
      card_number_invalid: "Este número de tarjeta no es válido.",
      card_expiry_invalid: "Ingresa la fecha de vencimiento como MM / AA.",
      card_expired: "Esta tarjeta está vencida.",
      card_cvc_invalid: "Este código de seguridad no es válido.",
      installments_invalid: "Elige una cantidad de cuotas disponible.",
    },
  },
};
