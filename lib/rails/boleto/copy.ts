// What the buyer reads about paying by boleto, in every locale the page speaks: the
// rail's name, its form, its pending view and its errors (the API's own English is in ./index.ts).
import type { Locale } from "@/lib/i18n/locales";

const en = {
  name: "Boleto",
  form: {
    name: "Full name",
    document: "CPF or CNPJ",
    submit: "Generate boleto",
    hint: "You'll get a boleto to pay within 3 days in your banking app, at a bank or at a lottery outlet.",
  },
  pending: {
    title: "Pay this boleto by {date}",
    line: "Digitable line",
    barcode: "Boleto barcode",
    hint: "Pay it in your banking app, at a bank or at a lottery outlet.",
    next: "Pay it by {date}. Once paid, the bank takes 1 to 3 business days to confirm it, then {merchant} confirms your order.",
  },
  errors: {
    name_required: "Enter your full name.",
    document_required: "Enter your CPF or CNPJ.",
    document_invalid: "This CPF or CNPJ is not valid.",
    amount_too_large: "This amount is too large for this payment method.",
  },
};

export const copy: Record<Locale, typeof en> = {
  en,
  fr: {
    name: "Boleto",
    form: {
      name: "Nom complet",
      document: "CPF ou CNPJ",
      submit: "Générer le boleto",
      hint: "Vous recevrez un boleto à payer sous 3 jours dans votre appli bancaire, en banque ou dans un point de loterie.",
    },
    pending: {
      title: "Payez ce boleto avant le {date}",
      line: "Ligne numérique",
      barcode: "Code-barres du boleto",
      hint: "Payez-le dans votre appli bancaire, en banque ou dans un point de loterie.",
      next: "Payez-le avant le {date}. Une fois payé, la banque met 1 à 3 jours ouvrés à le confirmer, puis {merchant} confirme votre commande.",
    },
    errors: {
      name_required: "Saisissez votre nom complet.",
      document_required: "Saisissez votre CPF ou CNPJ.",
      document_invalid: "Ce CPF ou CNPJ n'est pas valide.",
      amount_too_large: "Ce montant est trop élevé pour ce moyen de paiement.",
    },
  },
  pt: {
    name: "Boleto",
    form: {
      name: "Nome completo",
      document: "CPF ou CNPJ",
      submit: "Gerar boleto",
      hint: "Você receberá um boleto para pagar em até 3 dias no app do banco, numa agência ou numa lotérica.",
    },
    pending: {
      title: "Pague este boleto até {date}",
      line: "Linha digitável",
      barcode: "Código de barras do boleto",
      hint: "Pague no app do seu banco, numa agência ou numa lotérica.",
      next: "Pague até {date}. Depois do pagamento, o banco leva de 1 a 3 dias úteis para confirmar; então {merchant} confirma seu pedido.",
    },
    errors: {
      name_required: "Informe seu nome completo.",
      document_required: "Informe seu CPF ou CNPJ.",
      document_invalid: "Este CPF ou CNPJ não é válido.",
      amount_too_large: "Este valor é alto demais para esta forma de pagamento.",
    },
  },
  es: {
    name: "Boleto",
    form: {
      name: "Nombre completo",
      document: "CPF o CNPJ",
      submit: "Generar boleto",
      hint: "Recibirás un boleto para pagar en un plazo de 3 días en tu app bancaria, en un banco o en una lotería.",
    },
    pending: {
      title: "Paga este boleto antes del {date}",
      line: "Línea digitable",
      barcode: "Código de barras del boleto",
      hint: "Págalo en tu app bancaria, en un banco o en una lotería.",
      next: "Págalo antes del {date}. Una vez pagado, el banco tarda de 1 a 3 días hábiles en confirmarlo y luego {merchant} confirma tu pedido.",
    },
    errors: {
      name_required: "Ingresa tu nombre completo.",
      document_required: "Ingresa tu CPF o CNPJ.",
      document_invalid: "Este CPF o CNPJ no es válido.",
      amount_too_large: "Este importe es demasiado alto para este medio de pago.",
    },
  },
};
