// Examples for the OpenAPI document (lib/api/openapi.ts): one request in the merchant's words
// and what Kassa answers, typed by the schemas that validate requests and describe answers, so
// that an example which no longer fits fails `tsc` (and openapi-examples.test.ts parses each one).
import type { z } from "zod";
import type {
  createRefundInput,
  createSessionInput,
  eventObject,
  listOf,
  paymentObject,
  refundObject,
  sessionObject,
} from "@/lib/checkout/schemas";
import type { payInput } from "@/lib/checkout/pay-input";
import type { payResultObject } from "@/lib/checkout/public-view";
import type {
  createdEndpointObject,
  createEndpointInput,
  deletedEndpointObject,
  deliveryObject,
  endpointObject,
  updateEndpointInput,
} from "@/lib/webhooks/schemas";

type Out<S extends z.ZodType> = z.output<S>;
type In<S extends z.ZodType> = z.input<S>;

const SESSION = "cs_test_4f8Kq2LmZx7RtY1nB3vW9cDe";
const PAYMENT = "pay_7Hn2Qw9ErT5yU1iO3pA6sDfG";
const REFUND = "re_3Jk8Lm1Nb4Vc7Xz2Qw5Er9Ty";
const ENDPOINT = "we_9Pl2Ok4Ij6Uh8Yg1Tf3Rd5Es";
const CREATED = "2026-03-02T09:15:00.000Z";
const PAID = "2026-03-02T09:17:42.000Z";

export const createSessionRequest = {
  currency: "NGN",
  lineItems: [
    { name: "Shea butter", description: "Unrefined, 250 g", unitAmount: 350000, quantity: 2 },
    { name: "Zobo leaves", unitAmount: 150000, quantity: 1 },
  ],
  description: "Order #1001",
  customer: { email: "ada@example.com", name: "Ada Obi", phone: "+2348031234567" },
  successUrl: "https://shop.example.com/thanks?session={CHECKOUT_SESSION_ID}",
  cancelUrl: "https://shop.example.com/cart",
  metadata: { orderId: "1001" },
  clientReferenceId: "order-1001",
} satisfies In<typeof createSessionInput>;

/** A Brazilian card payment the buyer may split in up to 6 parts; the customer's CPF for boleto and Pix. */
export const createSessionWithInstallmentsRequest = {
  amount: 17490,
  currency: "BRL",
  description: "Pedido #2042",
  customer: { email: "joana@example.com", name: "Joana Silva", document: { type: "cpf", number: "529.982.247-25" } },
  paymentMethods: ["card", "pix", "boleto"],
  installments: { maxCount: 6 },
  successUrl: "https://loja.example.com/obrigado?session={CHECKOUT_SESSION_ID}",
  locale: "pt",
} satisfies In<typeof createSessionInput>;

const openSession = {
  id: SESSION,
  object: "checkout.session",
  livemode: false,
  status: "open",
  amount: 850000,
  currency: "NGN",
  lineItems: createSessionRequest.lineItems,
  description: "Order #1001",
  customer: createSessionRequest.customer,
  customerDetails: { email: null, name: null, phone: null },
  paymentMethods: ["card", "transfer", "virtual_account", "ussd", "direct_debit"],
  preferredPaymentMethod: null,
  mode: "hosted",
  checkoutUrl: `https://pay.example.com/checkout/${SESSION}`,
  successUrl: createSessionRequest.successUrl,
  cancelUrl: createSessionRequest.cancelUrl,
  allowedOrigins: [],
  expiresAt: "2026-03-02T09:45:00.000Z",
  createdAt: CREATED,
  paidAt: null,
  metadata: { orderId: "1001" },
  clientReferenceId: "order-1001",
  locale: "auto",
  installments: null,
  payment: null,
} satisfies Out<typeof sessionObject>;

export const cardPayment = {
  id: PAYMENT,
  object: "payment",
  session: SESSION,
  livemode: false,
  rail: "card",
  status: "succeeded",
  amount: 850000,
  currency: "NGN",
  fee: 12750,
  netAmount: 837250,
  installments: null,
  failureCode: null,
  failureMessage: null,
  nextAction: null,
  requiresRefund: false,
  refundedAmount: 0,
  receiptUrl: `https://pay.example.com/checkout/${SESSION}/receipt`,
  details: { brand: "visa", last4: "4242", expMonth: 12, expYear: 2030 },
  createdAt: "2026-03-02T09:17:40.000Z",
  paidAt: PAID,
} satisfies Out<typeof paymentObject>;

export const createdSession = openSession;

export const paidSession = {
  ...openSession,
  status: "paid",
  paidAt: PAID,
  customerDetails: { email: "ada@example.com", name: "Ada Obi", phone: null },
  payment: cardPayment,
} satisfies Out<typeof sessionObject>;

export const sessionList = { object: "list", data: [paidSession], hasMore: false } satisfies Out<ReturnType<typeof listOf<typeof sessionObject>>>;

export const payRequest = {
  rail: "card",
  name: "Ada Obi",
  card: { number: "4242424242424242", expMonth: 12, expYear: 2030, cvc: "123" },
  email: "ada@example.com",
} satisfies In<typeof payInput>;

const { session: _s, livemode: _l, fee: _f, netAmount: _n, requiresRefund: _r, refundedAmount: _ra, ...shownPayment } = cardPayment;

export const payResult = {
  status: "paid",
  payment: { ...shownPayment, expiresAt: null },
  nextAction: null,
  redirectUrl: `https://shop.example.com/thanks?session=${SESSION}`,
} satisfies Out<typeof payResultObject>;

export const createRefundRequest = {
  payment: PAYMENT,
  amount: 150000,
  reason: "requested_by_customer",
  metadata: { ticket: "CS-311" },
} satisfies In<typeof createRefundInput>;

export const refund = {
  id: REFUND,
  object: "refund",
  payment: PAYMENT,
  livemode: false,
  amount: 150000,
  currency: "NGN",
  status: "succeeded",
  reason: "requested_by_customer",
  failureMessage: null,
  metadata: { ticket: "CS-311" },
  createdAt: "2026-03-03T11:02:00.000Z",
  settledAt: "2026-03-03T11:02:01.000Z",
} satisfies Out<typeof refundObject>;

export const refundList = { object: "list", data: [refund], hasMore: false } satisfies Out<ReturnType<typeof listOf<typeof refundObject>>>;

export const paidEvent = {
  id: "evt_2Wq8Er4Ty6Ui1Op3As5Df7Gh",
  object: "event",
  livemode: false,
  createdAt: PAID,
  type: "checkout.session.paid",
  data: { object: paidSession },
} satisfies Out<typeof eventObject>;

export const eventList = { object: "list", data: [paidEvent], hasMore: false } satisfies Out<ReturnType<typeof listOf<typeof eventObject>>>;

export const createEndpointRequest = {
  url: "https://shop.example.com/webhooks/kassa",
  events: ["checkout.session.paid", "checkout.session.expired", "refund.succeeded"],
  description: "Order fulfilment",
} satisfies In<typeof createEndpointInput>;

export const updateEndpointRequest = { status: "disabled" } satisfies In<typeof updateEndpointInput>;

export const endpoint = {
  id: ENDPOINT,
  object: "webhook_endpoint",
  livemode: false,
  url: createEndpointRequest.url,
  events: createEndpointRequest.events,
  description: "Order fulfilment",
  status: "enabled",
  disabledReason: null,
  createdAt: CREATED,
  updatedAt: CREATED,
} satisfies Out<typeof endpointObject>;

export const createdEndpoint = { ...endpoint, secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" } satisfies Out<typeof createdEndpointObject>;

export const endpointList = { object: "list", data: [endpoint], hasMore: false } satisfies Out<ReturnType<typeof listOf<typeof endpointObject>>>;

export const deletedEndpoint = { id: ENDPOINT, object: "webhook_endpoint", deleted: true } satisfies Out<typeof deletedEndpointObject>;

export const delivery = {
  id: "whd_5Rt7Yu9Io1Pa3Sd5Fg7Hj9Kl",
  object: "webhook_delivery",
  livemode: false,
  endpoint: ENDPOINT,
  event: paidEvent.id,
  eventType: "checkout.session.paid",
  status: "succeeded",
  attemptCount: 1,
  nextAttemptAt: null,
  lastAttemptAt: "2026-03-02T09:17:43.000Z",
  createdAt: PAID,
  attempts: [
    {
      id: "wha_8Zx6Cv4Bn2Mq1We3Rt5Yu7Io",
      object: "webhook_attempt",
      attemptedAt: "2026-03-02T09:17:43.000Z",
      responseStatus: 200,
      durationMs: 84,
      responseBody: "ok",
      error: null,
    },
  ],
} satisfies Out<typeof deliveryObject>;

export const deliveryList = { object: "list", data: [delivery], hasMore: false } satisfies Out<ReturnType<typeof listOf<typeof deliveryObject>>>;
