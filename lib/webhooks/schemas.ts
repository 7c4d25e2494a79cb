import { z } from "zod";
import { pageQuery } from "@/db/queries/pagination";
import { httpUrlProblem } from "@/lib/security/http-url";
import { EVENT_TYPES } from "@/lib/events/types";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { timestamp } from "@/lib/clock";

export const ENDPOINT_STATUSES = webhookEndpoints.status.enumValues;
export const DELIVERY_STATUSES = webhookDeliveries.status.enumValues;
/** Per merchant and mode: each event fans out to every endpoint, so keep the fan-out bounded. */
export const MAX_ENDPOINTS = 16;

/** The URL's shape; whether the mode allows its scheme and host is checked when it is saved. */
const endpointUrl = z
  .string()
  .trim()
  .max(2048)
  .superRefine((value, ctx) => {
    const problem = httpUrlProblem(value, { fragment: false, httpHint: "http with a test key" });
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .meta({
    description:
      "Where events are POSTed. Live endpoints must use https and reach the public internet (no loopback, private, link-local or metadata addresses); test endpoints may use http, e.g. http://localhost:4000/webhooks.",
    example: "https://shop.example.com/webhooks/kassa",
  });

const eventTypes = z
  .array(z.enum(["*", ...EVENT_TYPES]))
  .min(1)
  .max(EVENT_TYPES.length)
  .superRefine((list, ctx) => {
    if (list.includes("*") && list.length > 1) {
      ctx.addIssue({ code: "custom", message: `"*" stands for every event type and must be alone` });
    }
    if (new Set(list).size !== list.length) ctx.addIssue({ code: "custom", message: "must not repeat a type" });
  })
  .meta({ description: 'The event types to send, or `["*"]` for all of them.', example: ["checkout.session.paid"] });

const description = z.string().trim().max(500);
const status = z.enum(ENDPOINT_STATUSES);

export const createEndpointInput = z.strictObject({
  url: endpointUrl,
  events: eventTypes,
  description: description.optional(),
  status: status.default("enabled"),
});

export type CreateEndpointInput = z.infer<typeof createEndpointInput>;

export const updateEndpointInput = z
  .strictObject({
    url: endpointUrl.optional(),
    events: eventTypes.optional(),
    description: description.nullable().optional().meta({ description: "null clears it." }),
    status: status.optional().meta({ description: "enabled re-enables an endpoint that Kassa disabled." }),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "give at least one field to change" });

export type UpdateEndpointInput = z.infer<typeof updateEndpointInput>;

export const listEndpointsQuery = z.strictObject({
  ...pageQuery,
  status: status.optional(),
});

export const listDeliveriesQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(DELIVERY_STATUSES).optional(),
  event: z.string().max(100).optional().meta({ description: "Only the deliveries of this event (evt_…)." }),
});

export const resendEventInput = z.strictObject({
  endpoint: z
    .string()
    .max(100)
    .optional()
    .meta({ description: "Send to this endpoint (we_…) only; default: every enabled endpoint subscribed to the event's type." }),
});

// ---- Objects the API returns ----


export const endpointObject = z.object({
  id: z.string(),
  object: z.literal("webhook_endpoint"),
  livemode: z.boolean(),
  url: z.string(),
  events: z.array(z.enum(["*", ...EVENT_TYPES])),
  description: z.string().nullable(),
  status,
  disabledReason: z
    .string()
    .nullable()
    .meta({ description: "Why Kassa turned the endpoint off (410 Gone, or failing for the whole retry schedule)." }),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const createdEndpointObject = endpointObject.extend({
  secret: z.string().meta({
    description: "The signing secret (`whsec_…`), returned only here: keep it to verify each delivery.",
  }),
});

export const deletedEndpointObject = z.object({
  id: z.string(),
  object: z.literal("webhook_endpoint"),
  deleted: z.literal(true),
});

export const attemptObject = z.object({
  id: z.string(),
  object: z.literal("webhook_attempt"),
  attemptedAt: timestamp,
  responseStatus: z.int().nullable().meta({ description: "null when no response came (timeout, refused, not sent)." }),
  durationMs: z.int(),
  responseBody: z.string().nullable().meta({ description: "The first 2 KiB of the response body." }),
  error: z.string().nullable(),
});

export const deliveryObject = z.object({
  id: z.string(),
  object: z.literal("webhook_delivery"),
  livemode: z.boolean(),
  endpoint: z.string(),
  event: z.string(),
  eventType: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attemptCount: z.int(),
  nextAttemptAt: timestamp.nullable().meta({ description: "When a pending delivery is tried next." }),
  lastAttemptAt: timestamp.nullable(),
  createdAt: timestamp,
  attempts: z.array(attemptObject).meta({ description: "Newest first." }),
});

export type EndpointObject = z.infer<typeof endpointObject>;
export type DeliveryObject = z.infer<typeof deliveryObject>;
export type AttemptObject = z.infer<typeof attemptObject>;
