import { z } from "zod";
import {
  createSessionInput,
  customerDetailsObject,
  customerObject,
  errorObject,
  eventObject,
  listEventsQuery,
  listOf,
  listSessionsQuery,
  nextActionObject,
  paymentObject,
  railDetails,
  sessionObject,
  simulateFailInput,
  createRefundInput,
  listRefundsQuery,
  refundObject,
  simulateRefundFailInput,
} from "@/lib/checkout/schemas";
import {
  attemptObject,
  createdEndpointObject,
  createEndpointInput,
  deletedEndpointObject,
  deliveryObject,
  endpointObject,
  listDeliveriesQuery,
  listEndpointsQuery,
  resendEventInput,
  updateEndpointInput,
} from "@/lib/webhooks/schemas";
import {
  connectAccountInput,
  deletedProviderAccountObject,
  listAccountsQuery,
  providerAccountObject,
  updateAccountInput,
} from "@/lib/providers/account-schemas";
import { payInput } from "@/lib/checkout/pay-input";
import { payResultObject, publicPaymentObject, publicSessionObject } from "@/lib/checkout/public-view";
import * as ex from "./openapi-examples";

type JsonSchema = Record<string, unknown>;

export const healthObject = z.object({
  status: z.enum(["ok", "unavailable"]),
  database: z.enum(["pglite", "postgres", "unreachable"]).meta({ description: "The database in use, or unreachable (503)." }),
});

// Every object the API answers with, by the name it has in components.schemas: where one
// contains another, the document refers to it by name.
const OBJECTS = {
  CheckoutSession: sessionObject,
  CheckoutSessionList: listOf(sessionObject),
  Customer: customerObject,
  CustomerDetails: customerDetailsObject,
  Payment: paymentObject,
  NextAction: nextActionObject,
  CardDetails: railDetails.card,
  BankAccountDetails: railDetails.transfer,
  UssdDetails: railDetails.ussd,
  DirectDebitDetails: railDetails.direct_debit,
  PixDetails: railDetails.pix,
  BoletoDetails: railDetails.boleto,
  MobileMoneyDetails: railDetails.mobile_money,
  Refund: refundObject,
  RefundList: listOf(refundObject),
  Event: eventObject,
  EventList: listOf(eventObject),
  Error: errorObject,
  WebhookEndpoint: endpointObject,
  CreatedWebhookEndpoint: createdEndpointObject,
  DeletedWebhookEndpoint: deletedEndpointObject,
  WebhookEndpointList: listOf(endpointObject),
  WebhookDelivery: deliveryObject,
  WebhookAttempt: attemptObject,
  WebhookDeliveryList: listOf(deliveryObject),
  ProviderAccount: providerAccountObject,
  DeletedProviderAccount: deletedProviderAccountObject,
  ProviderAccountList: listOf(providerAccountObject),
  ProviderEventReceipt: z.object({
    received: z.literal(true),
    duplicate: z.boolean().meta({ description: "The provider sent this event before; nothing changed." }),
    payment: z.string().nullable().meta({ description: "The payment it was about (read back from the provider's API), or null." }),
  }),
  PublicCheckoutSession: publicSessionObject,
  PublicPayment: publicPaymentObject,
  PayResult: payResultObject,
  Health: healthObject,
} satisfies Record<string, z.ZodType>;

type ObjectName = keyof typeof OBJECTS;

// Unions (a payment by rail, a next action and an event by type) are oneOf of variants whose
// discriminating property is a const or an enum: no OpenAPI `discriminator`, which only works
// with named variants, is needed for a generated client to narrow them.
function objectSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, s] of Object.entries(OBJECTS)) registry.add(s, { id });
  const { schemas } = z.toJSONSchema(registry, {
    io: "output",
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...rest }]) => [id, rest]));
}

function inputSchema(s: z.ZodType): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return rest;
}

const idempotencyKeyField = {
  type: "string",
  minLength: 1,
  maxLength: 255,
  description: "The Idempotency-Key, given in the body instead of the header (both present and different is a 400).",
};

/** A POST's body schema: its fields and `idempotencyKey`, which every POST accepts (SPEC 2). */
function postBody(s: z.ZodType | null): JsonSchema {
  const base: JsonSchema & { properties?: Record<string, JsonSchema> } = s ? inputSchema(s) : { type: "object", additionalProperties: false };
  return { ...base, properties: { ...base.properties, idempotencyKey: idempotencyKeyField } };
}

function queryParameters(s: z.ZodObject) {
  const json = inputSchema(s) as { properties: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties).map(([name, sch]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    schema: sch,
  }));
}

// Request bodies live in components.requestBodies, not components.schemas: generators such as
// openapi-typescript make a field with a default required everywhere but in a request body.
type BodyName =
  | "CreateCheckoutSession" | "CreateWebhookEndpoint" | "UpdateWebhookEndpoint" | "ResendEvent" | "ConnectProviderAccount"
  | "UpdateProviderAccount" | "PayCheckout" | "SimulateFailure" | "CreateRefund" | "SimulateRefundFailure" | "NoParameters";

type Examples = Record<string, { summary: string; value: unknown }>;

const REQUEST_BODIES: Record<BodyName, { schema: z.ZodType | null; required: boolean; patch?: true; examples?: Examples }> = {
  CreateCheckoutSession: {
    schema: createSessionInput,
    required: true,
    examples: {
      lineItems: { summary: "An order in naira, with its line items", value: ex.createSessionRequest },
      installments: { summary: "A Brazilian order: card in up to 6 parts, Pix or boleto", value: ex.createSessionWithInstallmentsRequest },
    },
  },
  CreateWebhookEndpoint: { schema: createEndpointInput, required: true, examples: { endpoint: { summary: "The events an order system needs", value: ex.createEndpointRequest } } },
  UpdateWebhookEndpoint: { schema: updateEndpointInput, required: true, patch: true, examples: { disable: { summary: "Pause deliveries", value: ex.updateEndpointRequest } } },
  ResendEvent: { schema: resendEventInput, required: false },
  ConnectProviderAccount: { schema: connectAccountInput, required: true },
  UpdateProviderAccount: { schema: updateAccountInput, required: true, patch: true },
  PayCheckout: { schema: payInput, required: true, examples: { card: { summary: "A sandbox test card", value: ex.payRequest } } },
  SimulateFailure: { schema: simulateFailInput, required: false },
  CreateRefund: { schema: createRefundInput, required: true, examples: { partial: { summary: "Refund part of a payment", value: ex.createRefundRequest } } },
  SimulateRefundFailure: { schema: simulateRefundFailInput, required: false },
  NoParameters: { schema: null, required: false, examples: { none: { summary: "No body (or an empty object)", value: {} } } },
};


function requestBodies() {
  return Object.fromEntries(
    Object.entries(REQUEST_BODIES).map(([name, b]) => {
      const schema = b.patch && b.schema ? inputSchema(b.schema) : postBody(b.schema);
      const description = b.schema ? undefined : "No parameters: the body, when sent, may carry only `idempotencyKey`.";
      const examples = b.examples ? { examples: b.examples } : {};
      return [name, { required: b.required, ...(description ? { description } : {}), content: { "application/json": { schema, ...examples } } }];
    }),
  );
}

const ref = (name: ObjectName) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: ObjectName) => ({ "application/json": { schema: ref(name) } });
const header = (name: string) => ({ $ref: `#/components/headers/${name}` });

const HEADERS = {
  "Request-Id": {
    description: "This request's id (`req_…`), also in the error body and the server's log line.",
    required: true,
    schema: { type: "string" },
  },
  "Idempotent-Replayed": {
    description: "`true` when this is the stored answer to an earlier request with the same Idempotency-Key.",
    required: false,
    schema: { type: "string", enum: ["true"] },
  },
  "Retry-After": {
    description: "Seconds to wait before trying again.",
    required: false,
    schema: { type: "integer", minimum: 0 },
  },
  Allow: {
    description: "With 405: the methods this path takes, e.g. `GET, POST`.",
    required: false,
    schema: { type: "string" },
  },
};

type Method = "get" | "post" | "patch" | "delete";

function headers(method: Method, status: number | "default") {
  return {
    "Request-Id": header("Request-Id"),
    ...(method === "post" && status !== "default" && status < 500 ? { "Idempotent-Replayed": header("Idempotent-Replayed") } : {}),
    ...(status === 429 || (method === "post" && status === 409) ? { "Retry-After": header("Retry-After") } : {}),
    ...(status === "default" ? { Allow: header("Allow"), "Retry-After": header("Retry-After") } : {}),
  };
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Invalid request (validation_error): a field, the JSON, a query parameter or the Idempotency-Key",
  401: "Missing, malformed or revoked key (authentication_error)",
  403: "Refused (permission_error), e.g. a request from a foreign Origin",
  404: "No such object for this merchant and mode (not_found)",
  409: "Wrong state (invalid_state), or the same Idempotency-Key still running (idempotency_error, with Retry-After)",
  413: "Body over 1 MiB (validation_error)",
  415: "Body is not JSON (validation_error)",
  422: "Idempotency-Key reused with different parameters (idempotency_error)",
  429: "Too many requests (rate_limited, with Retry-After)",
  502: "A payment provider did not answer, or none can take this payment (provider_error)",
};

type Op = {
  operationId: string;
  summary: string;
  description?: string;
  security?: never[];
  parameters?: unknown[];
  body?: BodyName;
  /** The answer on success: status and object. */
  ok: [number, ObjectName, string?];
  /** What that answer looks like. */
  example?: unknown;
  errors: number[];
};

const idParam = (description: string) => ({ name: "id", in: "path", required: true, schema: { type: "string" }, description });
const idempotencyHeader = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x20-\\x7e]+$" },
  description:
    "Makes the POST safe to retry (1 to 255 printable ASCII): a repeat with the same parameters returns the first response, with `Idempotent-Replayed: true`. Kept at least 24 hours.",
};

function operation(method: Method, op: Op) {
  const { ok, errors, body, parameters = [], example, ...rest } = op;
  const [status, object, description = status === 201 ? "Created" : "OK"] = ok;
  return {
    ...rest,
    parameters: method === "post" ? [...parameters, idempotencyHeader] : parameters,
    ...(body ? { requestBody: { $ref: `#/components/requestBodies/${body}` } } : {}),
    responses: {
      [status]: {
        description,
        headers: headers(method, status),
        content: { "application/json": { schema: ref(object), ...(example === undefined ? {} : { example }) } },
      },
      ...Object.fromEntries(
        errors.map((code) => [code, { description: ERROR_DESCRIPTIONS[code], headers: headers(method, code), content: json("Error") }]),
      ),
      default: defaultResponse(method),
    },
  };
}

function defaultResponse(method: Method) {
  return {
    description: "Any other error in the same format: 500 internal_error, 405 method_not_allowed (with Allow), …",
    headers: headers(method, "default"),
    content: json("Error"),
  };
}

// What every merchant call can answer besides its own outcome: 400 for a bad query (a NUL, a
// malformed escape in the path), 401 for the key; a POST also reads a JSON body and a key.
const GET_ERRORS = [400, 401, 404];
const POST_ERRORS = [400, 401, 409, 413, 415, 422];

// The groups a reader (and the reference at /docs) sees the operations in, in this order.
const TAGS = [
  { name: "Checkout sessions", description: "What a merchant's server creates: the amount, the rails, where the buyer goes afterwards." },
  { name: "Payments", description: "Each attempt to pay a session, on one rail." },
  { name: "Refunds", description: "Money back on a succeeded payment, in full or in part." },
  { name: "Events", description: "What happened, newest first: the same objects the webhooks carry." },
  { name: "Webhook endpoints", description: "Where Kassa POSTs events, signed per Standard Webhooks." },
  { name: "Provider accounts", description: "The merchant's own accounts at payment providers, and their notifications." },
  { name: "Buyer", description: "The checkout page's own calls: no secret key, the session id is the credential." },
  { name: "Test mode", description: "The sandbox's controls for payments and refunds that wait on a bank." },
  { name: "Service", description: "This document and the health check." },
  { name: "Webhooks", description: "What Kassa sends to your endpoints." },
] as const;

type TagName = (typeof TAGS)[number]["name"];

function tagOf(path: string): TagName {
  if (path.startsWith("/api/v1/test/")) return "Test mode";
  if (path.startsWith("/api/v1/checkout/sessions")) return "Checkout sessions";
  if (path.startsWith("/api/v1/checkout/")) return "Buyer";
  if (path.startsWith("/api/v1/payments")) return "Payments";
  if (path.startsWith("/api/v1/refunds")) return "Refunds";
  if (path.startsWith("/api/v1/events")) return "Events";
  if (path.startsWith("/api/v1/webhook-endpoints")) return "Webhook endpoints";
  if (path.startsWith("/api/v1/provider-")) return "Provider accounts";
  return "Service";
}

/** Each operation with the tag of its path. */
function tagged<T extends Record<string, Record<string, object>>>(paths: T, tag: (path: string) => TagName = tagOf): T {
  return Object.fromEntries(
    Object.entries(paths).map(([path, ops]) => [path, Object.fromEntries(Object.entries(ops).map(([method, op]) => [method, { tags: [tag(path)], ...op }]))]),
  ) as T;
}

function buildDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Kassa API",
      version: "1.0.0",
      description:
        "Create checkout sessions with a secret key (`Authorization: Bearer sk_test_…`), send the buyer to `checkoutUrl`, and learn the outcome from events. Money is always integer minor units plus an ISO 4217 currency. Every POST takes an `Idempotency-Key`; every response carries a `Request-Id`.",
    },
    security: [{ secretKey: [] }],
    tags: TAGS.map((t) => ({ ...t })),
    paths: tagged({
      "/api/v1/checkout/sessions": {
        post: operation("post", {
          operationId: "createCheckoutSession",
          summary: "Create a checkout session",
          body: "CreateCheckoutSession",
          ok: [201, "CheckoutSession"],
          example: ex.createdSession,
          errors: POST_ERRORS,
        }),
        get: operation("get", {
          operationId: "listCheckoutSessions",
          summary: "List checkout sessions, newest first",
          parameters: queryParameters(listSessionsQuery),
          ok: [200, "CheckoutSessionList"],
          example: ex.sessionList,
          errors: GET_ERRORS,
        }),
      },
      "/api/v1/checkout/sessions/{id}": {
        get: operation("get", {
          operationId: "retrieveCheckoutSession",
          summary: "Retrieve a checkout session with its payments",
          parameters: [idParam("Checkout session id (cs_test_… or cs_live_…)")],
          ok: [200, "CheckoutSession"],
          example: ex.paidSession,
          errors: GET_ERRORS,
        }),
      },
      "/api/v1/checkout/sessions/{id}/cancel": {
        post: operation("post", {
          operationId: "cancelCheckoutSession",
          summary: "Cancel an open checkout session",
          description: "409 `invalid_state` in any other state, or while a payment is being attempted (`payment_in_progress`).",
          parameters: [idParam("Checkout session id")],
          body: "NoParameters",
          ok: [200, "CheckoutSession"],
          example: { ...ex.createdSession, status: "canceled" },
          errors: [...POST_ERRORS, 404],
        }),
      },
      "/api/v1/payments/{id}": {
        get: operation("get", {
          operationId: "retrievePayment",
          summary: "Retrieve a payment",
          parameters: [idParam("Payment id (pay_…)")],
          ok: [200, "Payment"],
          example: ex.cardPayment,
          errors: GET_ERRORS,
        }),
      },
      "/api/v1/checkout/{id}": {
        get: operation("get", {
          operationId: "retrieveBuyerCheckout",
          summary: "The buyer's view of a session (no secret key: the session id is the credential)",
          security: [],
          parameters: [idParam("Checkout session id")],
          ok: [200, "PublicCheckoutSession"],
          errors: [400, 404],
        }),
      },
      "/api/v1/checkout/{id}/pay": {
        post: operation("post", {
          operationId: "payCheckout",
          summary: "Pay a session on one rail (buyer side; a present foreign Origin is refused)",
          description:
            "The same domain function as the hosted page. Card numbers and CVCs go to the provider only. Test mode uses the sandbox (see the README for its test values); live mode answers 502 `live_mode_unavailable` while no real provider is set up. An Idempotency-Key is scoped to the session.",
          security: [],
          parameters: [idParam("Checkout session id")],
          body: "PayCheckout",
          ok: [200, "PayResult"],
          example: ex.payResult,
          errors: [400, 403, 404, 409, 413, 415, 422, 429, 502],
        }),
      },
      "/api/v1/test/payments/{id}/succeed": {
        post: operation("post", {
          operationId: "simulatePaymentSuccess",
          summary: "Test mode: the sandbox confirms a pending payment, as a bank or wallet would",
          parameters: [idParam("Payment id (pay_…)")],
          body: "NoParameters",
          ok: [200, "Payment"],
          errors: [...POST_ERRORS, 404],
        }),
      },
      "/api/v1/test/payments/{id}/fail": {
        post: operation("post", {
          operationId: "simulatePaymentFailure",
          summary: "Test mode: the sandbox fails a pending payment",
          parameters: [idParam("Payment id (pay_…)")],
          body: "SimulateFailure",
          ok: [200, "Payment"],
          errors: [...POST_ERRORS, 404],
        }),
      },
      "/api/v1/refunds": {
        post: operation("post", {
          operationId: "createRefund",
          summary: "Refund a succeeded payment, in full or in part",
          description:
            "Only a succeeded payment can be refunded (409 `payment_not_refundable` otherwise); its refunds, pending or succeeded, add up to at most its amount (409 `refund_exceeds_payment`). The refund starts `pending` (event `refund.created`) and ends `succeeded` or `failed` (`refund.succeeded`, `refund.failed`; a failed refund's amount can be refunded again). Test mode: the sandbox returns a card payment's money at once and keeps other rails' refunds pending until `/api/v1/test/refunds/{id}/succeed|fail`. Through a connected provider, the provider is asked and settles it later.",
          body: "CreateRefund",
          ok: [201, "Refund"],
          example: ex.refund,
          errors: [...POST_ERRORS, 404],
        }),
        get: operation("get", {
          operationId: "listRefunds",
          summary: "List refunds, newest first",
          parameters: queryParameters(listRefundsQuery),
          ok: [200, "RefundList"],
          example: ex.refundList,
          errors: GET_ERRORS,
        }),
      },
      "/api/v1/refunds/{id}": {
        get: operation("get", {
          operationId: "retrieveRefund",
          summary: "Retrieve a refund",
          parameters: [idParam("Refund id (re_…)")],
          ok: [200, "Refund"],
          example: ex.refund,
          errors: GET_ERRORS,
        }),
      },
      "/api/v1/test/refunds/{id}/succeed": {
        post: operation("post", {
          operationId: "simulateRefundSuccess",
          summary: "Test mode: the sandbox returns a pending refund's money, as a bank would",
          parameters: [idParam("Refund id (re_…)")],
          body: "NoParameters",
          ok: [200, "Refund"],
          errors: [...POST_ERRORS, 404],
        }),
      },
      "/api/v1/test/refunds/{id}/fail": {
        post: operation("post", {
          operationId: "simulateRefundFailure",
          summary: "Test mode: the sandbox fails a pending refund; its amount can be refunded again",
          parameters: [idParam("Refund id (re_…)")],
          body: "SimulateRefundFailure",
          ok: [200, "Refund"],
          errors: [...POST_ERRORS, 404],
        }),
      },
      "/api/v1/events": {
        get: operation("get", {
          operationId: "listEvents",
          summary: "List events, newest first",
          parameters: queryParameters(listEventsQuery),
          ok: [200, "EventList"],
          example: ex.eventList,
          errors: GET_ERRORS,
        }),
      },
      "/api/v1/events/{id}": {
        get: operation("get", {
          operationId: "retrieveEvent",
          summary: "Retrieve an event",
          parameters: [idParam("Event id (evt_…)")],
          ok: [200, "Event"],
          example: ex.paidEvent,
          errors: GET_ERRORS,
        }),
      },
      "/api/v1/events/{id}/resend": {
        post: operation("post", {
          operationId: "resendEvent",
          summary: "Deliver an event again to its webhook endpoints, or to one of them",
          description:
            "Queues a new delivery per endpoint; it carries the same `webhook-id` (the event id) as the first one, so a receiver can tell it has seen the event.",
          parameters: [idParam("Event id (evt_…)")],
          body: "ResendEvent",
          ok: [200, "WebhookDeliveryList"],
          example: ex.deliveryList,
          errors: [...POST_ERRORS, 404],
        }),
      },
      "/api/v1/webhook-endpoints": {
        post: operation("post", {
          operationId: "createWebhookEndpoint",
          summary: "Register a webhook endpoint",
          description: "The response carries the endpoint's signing secret (`whsec_…`); it is never shown again.",
          body: "CreateWebhookEndpoint",
          ok: [201, "CreatedWebhookEndpoint"],
          example: ex.createdEndpoint,
          errors: POST_ERRORS,
        }),
        get: operation("get", {
          operationId: "listWebhookEndpoints",
          summary: "List webhook endpoints, newest first",
          parameters: queryParameters(listEndpointsQuery),
          ok: [200, "WebhookEndpointList"],
          example: ex.endpointList,
          errors: GET_ERRORS,
        }),
      },
      "/api/v1/webhook-endpoints/{id}": {
        get: operation("get", {
          operationId: "retrieveWebhookEndpoint",
          summary: "Retrieve a webhook endpoint",
          parameters: [idParam("Webhook endpoint id (we_…)")],
          ok: [200, "WebhookEndpoint"],
          example: ex.endpoint,
          errors: GET_ERRORS,
        }),
        patch: operation("patch", {
          operationId: "updateWebhookEndpoint",
          summary: "Change a webhook endpoint's url, events, description or status",
          parameters: [idParam("Webhook endpoint id (we_…)")],
          body: "UpdateWebhookEndpoint",
          ok: [200, "WebhookEndpoint"],
          example: { ...ex.endpoint, status: "disabled" },
          errors: [...GET_ERRORS, 413, 415],
        }),
        delete: operation("delete", {
          operationId: "deleteWebhookEndpoint",
          summary: "Delete a webhook endpoint",
          parameters: [idParam("Webhook endpoint id (we_…)")],
          ok: [200, "DeletedWebhookEndpoint"],
          example: ex.deletedEndpoint,
          errors: GET_ERRORS,
        }),
      },
      "/api/v1/webhook-endpoints/{id}/deliveries": {
        get: operation("get", {
          operationId: "listWebhookDeliveries",
          summary: "An endpoint's deliveries with their attempts, newest first",
          parameters: [idParam("Webhook endpoint id (we_…)"), ...queryParameters(listDeliveriesQuery)],
          ok: [200, "WebhookDeliveryList"],
          example: ex.deliveryList,
          errors: GET_ERRORS,
        }),
      },
      "/api/v1/provider-accounts": {
        post: operation("post", {
          operationId: "connectProviderAccount",
          summary: "Connect an account at a payment provider, in the API key's mode",
          description:
            "The credentials are checked with one harmless call to the provider before anything is saved: one it refuses is a 400 `provider_credentials_invalid` naming its answer, credentials of the other mode a 400 `provider_credentials_mode_mismatch`, a provider that does not answer a 502 `provider_unavailable`. They are then sealed (AES-256-GCM) and never returned. Give the account's `webhookUrl` to the provider (its dashboard's webhook URL) so that it can tell Kassa about payments.",
          body: "ConnectProviderAccount",
          ok: [201, "ProviderAccount"],
          errors: [...POST_ERRORS, 502],
        }),
        get: operation("get", {
          operationId: "listProviderAccounts",
          summary: "List connected provider accounts, newest first",
          parameters: queryParameters(listAccountsQuery),
          ok: [200, "ProviderAccountList"],
          errors: GET_ERRORS,
        }),
      },
      "/api/v1/provider-accounts/{id}": {
        get: operation("get", {
          operationId: "retrieveProviderAccount",
          summary: "Retrieve a provider account (never its credentials)",
          parameters: [idParam("Provider account id (pa_…)")],
          ok: [200, "ProviderAccount"],
          errors: GET_ERRORS,
        }),
        patch: operation("patch", {
          operationId: "updateProviderAccount",
          summary: "Change a provider account's rails, currencies, status or credentials",
          description: "New credentials are checked with the provider as on connect (400 or 502 the same way) before they replace the old ones.",
          parameters: [idParam("Provider account id (pa_…)")],
          body: "UpdateProviderAccount",
          ok: [200, "ProviderAccount"],
          errors: [...GET_ERRORS, 413, 415, 502],
        }),
        delete: operation("delete", {
          operationId: "disconnectProviderAccount",
          summary: "Disconnect a provider account",
          description: "It routes no payment from then on and is 404 afterwards; payments it already started are still settled through it.",
          parameters: [idParam("Provider account id (pa_…)")],
          ok: [200, "DeletedProviderAccount"],
          errors: GET_ERRORS,
        }),
      },
      "/api/v1/provider-events/{id}": {
        post: {
          operationId: "receiveProviderEvent",
          summary: "A payment provider's notification for one provider account (its webhookUrl)",
          description:
            "Called by the provider, not by merchants: set it as the webhook URL in the provider's dashboard. The provider's signature is checked on the raw body (Paystack: `x-paystack-signature`); each event is taken once; no money moves on the body: Kassa reads the payment back from the provider's API and checks its amount and currency. 503 when that API does not answer (the provider sends the event again later).",
          security: [],
          parameters: [idParam("Provider account id (pa_…)")],
          requestBody: { required: true, content: { "application/json": { schema: { type: "object" } } } },
          responses: {
            200: { description: "Taken (or already taken)", headers: headers("post", 200), content: json("ProviderEventReceipt") },
            400: { description: "The body is not UTF-8 (validation_error)", headers: headers("post", 400), content: json("Error") },
            401: { description: "The signature does not match the account's credentials (authentication_error)", headers: headers("post", 401), content: json("Error") },
            404: { description: "No such provider account (not_found)", headers: headers("post", 404), content: json("Error") },
            413: { description: ERROR_DESCRIPTIONS[413], headers: headers("post", 413), content: json("Error") },
            503: { description: "The provider's API did not answer (provider_error); send again later", headers: headers("post", 503), content: json("Error") },
            default: defaultResponse("post"),
          },
        },
      },
      "/api/v1/openapi.json": {
        get: {
          operationId: "openApiDocument",
          summary: "This document (OpenAPI 3.1), generated from the schemas that validate the requests",
          security: [],
          responses: {
            "200": {
              description: "OK",
              headers: headers("get", 200),
              content: { "application/json": { schema: { type: "object", required: ["openapi", "paths"] } } },
            },
            default: defaultResponse("get"),
          },
        },
      },
      "/api/health": {
        get: {
          operationId: "health",
          summary: "Liveness and database reachability",
          security: [],
          responses: {
            "200": { description: "Up", headers: headers("get", 200), content: json("Health") },
            "503": { description: "Database unreachable", headers: headers("get", 503), content: json("Health") },
            default: defaultResponse("get"),
          },
        },
      },
    }),
    webhooks: tagged(
      {
        event: {
          post: {
            operationId: "receiveEvent",
            summary: "An event, POSTed to each endpoint subscribed to its type",
            description:
              "Signed per Standard Webhooks: verify the raw body with `new Webhook(secret).verify(body, headers)` from the `standardwebhooks` library. Answer 2xx within 15 s; anything else (redirects included) is retried at 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h. 410 disables the endpoint.",
            parameters: [
              { name: "webhook-id", in: "header", required: true, schema: { type: "string" }, description: "The event id, the same on every retry: use it to ignore duplicates." },
              { name: "webhook-timestamp", in: "header", required: true, schema: { type: "string" }, description: "Unix seconds when this attempt was signed." },
              { name: "webhook-signature", in: "header", required: true, schema: { type: "string" }, description: "`v1,` and the base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}`." },
            ],
            security: [],
            requestBody: { required: true, content: { "application/json": { schema: ref("Event"), example: ex.paidEvent } } },
            responses: { "200": { description: "Any 2xx status: delivered" }, "410": { description: "Gone: Kassa disables the endpoint" } },
          },
        },
      },
      () => "Webhooks",
    ),
    components: {
      securitySchemes: { secretKey: { type: "http", scheme: "bearer", description: "sk_test_… or sk_live_…" } },
      schemas: objectSchemas(),
      requestBodies: requestBodies(),
      headers: HEADERS,
    },
  };
}

let built: ReturnType<typeof buildDocument> | undefined;

/** The OpenAPI 3.1 document, built once from the zod schemas that validate the requests. */
export function openApiDocument(serverUrl: string) {
  built ??= buildDocument();
  return { ...built, servers: [{ url: serverUrl }] };
}
