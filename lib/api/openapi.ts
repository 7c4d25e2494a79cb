import { z } from "zod";
import {
  createSessionInput,
  errorObject,
  eventObject,
  listEventsQuery,
  listOf,
  listSessionsQuery,
  paymentObject,
  sessionObject,
  simulateFailInput,
} from "@/lib/checkout/schemas";
import {
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
import { payInput } from "@/lib/checkout/pay-input";
import { payResultObject, publicSessionObject } from "@/lib/checkout/public-view";

type JsonSchema = Record<string, unknown>;

function schema(s: z.ZodType, io: "input" | "output" = "output"): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

function queryParameters(s: z.ZodObject) {
  const json = schema(s, "input") as { properties: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties).map(([name, sch]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    schema: sch,
  }));
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ "application/json": { schema: ref(name) } });
const ok = (name: string, status = "200", description = "OK") => ({ [status]: { description, content: json(name) } });
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { $ref: `#/components/responses/Error${c}` }]));
const idParam = (description: string) => ({ name: "id", in: "path", required: true, schema: { type: "string" }, description });
const idempotencyHeader = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  schema: { type: "string", minLength: 1, maxLength: 255 },
  description: "Makes the POST safe to retry: a repeat with the same parameters returns the first response.",
};

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Invalid request (validation_error)",
  401: "Missing, malformed or revoked key (authentication_error)",
  404: "No such object for this merchant and mode (not_found)",
  409: "Wrong state, or the same Idempotency-Key still running (invalid_state, idempotency_error)",
  413: "Body over 1 MiB",
  415: "Body is not JSON",
  422: "Idempotency-Key reused with different parameters (idempotency_error)",
  429: "Too many requests (rate_limited)",
};

/** The OpenAPI 3.1 document, built from the zod schemas that validate the requests. */
export function openApiDocument(serverUrl: string) {
  const postErrors = errors(400, 401, 409, 413, 415, 422);
  return {
    openapi: "3.1.0",
    info: {
      title: "Kassa API",
      version: "1.0.0",
      description:
        "Create checkout sessions with a secret key (`Authorization: Bearer sk_test_…`), send the buyer to `checkoutUrl`, and learn the outcome from events. Money is always integer minor units plus an ISO 4217 currency.",
    },
    servers: [{ url: serverUrl }],
    security: [{ secretKey: [] }],
    paths: {
      "/api/v1/checkout/sessions": {
        post: {
          operationId: "createCheckoutSession",
          summary: "Create a checkout session",
          parameters: [idempotencyHeader],
          requestBody: { required: true, content: json("CreateCheckoutSession") },
          responses: { ...ok("CheckoutSession", "201", "Created"), ...postErrors },
        },
        get: {
          operationId: "listCheckoutSessions",
          summary: "List checkout sessions, newest first",
          parameters: queryParameters(listSessionsQuery),
          responses: { ...ok("CheckoutSessionList"), ...errors(400, 401, 404) },
        },
      },
      "/api/v1/checkout/sessions/{id}": {
        get: {
          operationId: "retrieveCheckoutSession",
          summary: "Retrieve a checkout session with its payments",
          parameters: [idParam("Checkout session id (cs_test_… or cs_live_…)")],
          responses: { ...ok("CheckoutSession"), ...errors(401, 404) },
        },
      },
      "/api/v1/checkout/sessions/{id}/cancel": {
        post: {
          operationId: "cancelCheckoutSession",
          summary: "Cancel an open checkout session",
          parameters: [idParam("Checkout session id"), idempotencyHeader],
          responses: { ...ok("CheckoutSession"), ...errors(401, 404, 409) },
        },
      },
      "/api/v1/payments/{id}": {
        get: {
          operationId: "retrievePayment",
          summary: "Retrieve a payment",
          parameters: [idParam("Payment id (pay_…)")],
          responses: { ...ok("Payment"), ...errors(401, 404) },
        },
      },
      "/api/v1/checkout/{id}": {
        get: {
          operationId: "retrieveBuyerCheckout",
          summary: "The buyer's view of a session (no secret key: the session id is the credential)",
          security: [],
          parameters: [idParam("Checkout session id")],
          responses: { ...ok("PublicCheckoutSession"), ...errors(404) },
        },
      },
      "/api/v1/checkout/{id}/pay": {
        post: {
          operationId: "payCheckout",
          summary: "Pay a session on one rail (buyer side; a present foreign Origin is refused)",
          description:
            "The same domain function as the hosted page. Card numbers and CVCs go to the provider only. Test mode uses the sandbox (see the README for its test values); live mode answers 502 `live_mode_unavailable` while no real provider is set up.",
          security: [],
          parameters: [idParam("Checkout session id"), idempotencyHeader],
          requestBody: { required: true, content: json("PayCheckout") },
          responses: {
            ...ok("PayResult"),
            ...errors(400, 404, 409, 413, 415, 422, 429),
            "403": { description: "Foreign Origin", content: json("Error") },
            "502": { description: "No provider can take this payment (provider_error)", content: json("Error") },
          },
        },
      },
      "/api/v1/test/payments/{id}/succeed": {
        post: {
          operationId: "simulatePaymentSuccess",
          summary: "Test mode: the sandbox confirms a pending payment, as a bank or wallet would",
          parameters: [idParam("Payment id (pay_…)"), idempotencyHeader],
          responses: { ...ok("Payment"), ...errors(401, 404, 409) },
        },
      },
      "/api/v1/test/payments/{id}/fail": {
        post: {
          operationId: "simulatePaymentFailure",
          summary: "Test mode: the sandbox fails a pending payment",
          parameters: [idParam("Payment id (pay_…)"), idempotencyHeader],
          requestBody: { required: false, content: json("SimulateFailure") },
          responses: { ...ok("Payment"), ...errors(400, 401, 404, 409) },
        },
      },
      "/api/v1/events": {
        get: {
          operationId: "listEvents",
          summary: "List events, newest first",
          parameters: queryParameters(listEventsQuery),
          responses: { ...ok("EventList"), ...errors(400, 401, 404) },
        },
      },
      "/api/v1/events/{id}": {
        get: {
          operationId: "retrieveEvent",
          summary: "Retrieve an event",
          parameters: [idParam("Event id (evt_…)")],
          responses: { ...ok("Event"), ...errors(401, 404) },
        },
      },
      "/api/v1/events/{id}/resend": {
        post: {
          operationId: "resendEvent",
          summary: "Deliver an event again to its webhook endpoints, or to one of them",
          description:
            "Queues a new delivery per endpoint; it carries the same `webhook-id` (the event id) as the first one, so a receiver can tell it has seen the event.",
          parameters: [idParam("Event id (evt_…)"), idempotencyHeader],
          requestBody: { required: false, content: json("ResendEvent") },
          responses: { ...ok("WebhookDeliveryList"), ...errors(400, 401, 404, 409) },
        },
      },
      "/api/v1/webhook-endpoints": {
        post: {
          operationId: "createWebhookEndpoint",
          summary: "Register a webhook endpoint",
          description: "The response carries the endpoint's signing secret (`whsec_…`); it is never shown again.",
          parameters: [idempotencyHeader],
          requestBody: { required: true, content: json("CreateWebhookEndpoint") },
          responses: { ...ok("CreatedWebhookEndpoint", "201", "Created"), ...postErrors },
        },
        get: {
          operationId: "listWebhookEndpoints",
          summary: "List webhook endpoints, newest first",
          parameters: queryParameters(listEndpointsQuery),
          responses: { ...ok("WebhookEndpointList"), ...errors(400, 401, 404) },
        },
      },
      "/api/v1/webhook-endpoints/{id}": {
        get: {
          operationId: "retrieveWebhookEndpoint",
          summary: "Retrieve a webhook endpoint",
          parameters: [idParam("Webhook endpoint id (we_…)")],
          responses: { ...ok("WebhookEndpoint"), ...errors(401, 404) },
        },
        patch: {
          operationId: "updateWebhookEndpoint",
          summary: "Change a webhook endpoint's url, events, description or status",
          parameters: [idParam("Webhook endpoint id (we_…)")],
          requestBody: { required: true, content: json("UpdateWebhookEndpoint") },
          responses: { ...ok("WebhookEndpoint"), ...errors(400, 401, 404, 413, 415) },
        },
        delete: {
          operationId: "deleteWebhookEndpoint",
          summary: "Delete a webhook endpoint",
          parameters: [idParam("Webhook endpoint id (we_…)")],
          responses: { ...ok("DeletedWebhookEndpoint"), ...errors(401, 404) },
        },
      },
      "/api/v1/webhook-endpoints/{id}/deliveries": {
        get: {
          operationId: "listWebhookDeliveries",
          summary: "An endpoint's deliveries with their attempts, newest first",
          parameters: [idParam("Webhook endpoint id (we_…)"), ...queryParameters(listDeliveriesQuery)],
          responses: { ...ok("WebhookDeliveryList"), ...errors(400, 401, 404) },
        },
      },
      "/api/health": {
        get: {
          operationId: "health",
          summary: "Liveness and database reachability",
          security: [],
          responses: { "200": { description: "Up" }, "503": { description: "Database unreachable" } },
        },
      },
    },
    webhooks: {
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
          requestBody: { required: true, content: json("Event") },
          responses: { "200": { description: "Any 2xx status: delivered" }, "410": { description: "Gone: Kassa disables the endpoint" } },
        },
      },
    },
    components: {
      securitySchemes: { secretKey: { type: "http", scheme: "bearer", description: "sk_test_… or sk_live_…" } },
      schemas: {
        CreateCheckoutSession: schema(createSessionInput, "input"),
        CheckoutSession: schema(sessionObject),
        CheckoutSessionList: schema(listOf(sessionObject)),
        Payment: schema(paymentObject),
        Event: schema(eventObject),
        EventList: schema(listOf(eventObject)),
        Error: schema(errorObject),
        CreateWebhookEndpoint: schema(createEndpointInput, "input"),
        UpdateWebhookEndpoint: schema(updateEndpointInput, "input"),
        WebhookEndpoint: schema(endpointObject),
        CreatedWebhookEndpoint: schema(createdEndpointObject),
        DeletedWebhookEndpoint: schema(deletedEndpointObject),
        WebhookEndpointList: schema(listOf(endpointObject)),
        WebhookDelivery: schema(deliveryObject),
        WebhookDeliveryList: schema(listOf(deliveryObject)),
        ResendEvent: schema(resendEventInput, "input"),
        PayCheckout: schema(payInput, "input"),
        PayResult: schema(payResultObject),
        PublicCheckoutSession: schema(publicSessionObject),
        SimulateFailure: schema(simulateFailInput, "input"),
      },
      responses: Object.fromEntries(
        Object.entries(ERROR_DESCRIPTIONS).map(([code, description]) => [
          `Error${code}`,
          { description, content: json("Error") },
        ]),
      ),
    },
  };
}
