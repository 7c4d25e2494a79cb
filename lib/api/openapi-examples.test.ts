import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { createRefundInput, createSessionInput, eventObject, listOf, paymentObject, refundObject, sessionObject } from "@/lib/checkout/schemas";
import { payInput } from "@/lib/checkout/pay-input";
import { payResultObject } from "@/lib/checkout/public-view";
import { createdEndpointObject, createEndpointInput, deletedEndpointObject, deliveryObject, endpointObject, updateEndpointInput } from "@/lib/webhooks/schemas";
import { openApiDocument } from "./openapi";
import * as ex from "./openapi-examples";

// Each example of the OpenAPI document is what the schema it illustrates accepts: a request
// the API would take, an answer it could give.
const CASES: [string, z.ZodType, unknown][] = [
  ["create session", createSessionInput, ex.createSessionRequest],
  ["create session with installments", createSessionInput, ex.createSessionWithInstallmentsRequest],
  ["created session", sessionObject, ex.createdSession],
  ["paid session", sessionObject, ex.paidSession],
  ["session list", listOf(sessionObject), ex.sessionList],
  ["card payment", paymentObject, ex.cardPayment],
  ["pay", payInput, ex.payRequest],
  ["pay result", payResultObject, ex.payResult],
  ["create refund", createRefundInput, ex.createRefundRequest],
  ["refund", refundObject, ex.refund],
  ["refund list", listOf(refundObject), ex.refundList],
  ["event", eventObject, ex.paidEvent],
  ["event list", listOf(eventObject), ex.eventList],
  ["create endpoint", createEndpointInput, ex.createEndpointRequest],
  ["update endpoint", updateEndpointInput, ex.updateEndpointRequest],
  ["endpoint", endpointObject, ex.endpoint],
  ["created endpoint", createdEndpointObject, ex.createdEndpoint],
  ["deleted endpoint", deletedEndpointObject, ex.deletedEndpoint],
  ["delivery list", listOf(deliveryObject), ex.deliveryList],
];

describe("OpenAPI examples", () => {
  it.each(CASES)("%s fits its schema", (_name, schema, example) => {
    const parsed = schema.safeParse(example);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it("gives the create, pay, refund and webhook endpoint operations a request and a response example", () => {
    const doc = openApiDocument("https://pay.example.com") as unknown as {
      paths: Record<string, Record<string, { requestBody?: { $ref: string }; responses: Record<string, { content?: Record<string, { example?: unknown }> }> }>>;
      components: { requestBodies: Record<string, { content: Record<string, { examples?: Record<string, { value: unknown }> }> }> };
      webhooks: { event: { post: { requestBody: { content: Record<string, { example?: unknown }> } } } };
    };
    for (const [path, method, status] of [
      ["/api/v1/checkout/sessions", "post", "201"],
      ["/api/v1/checkout/{id}/pay", "post", "200"],
      ["/api/v1/refunds", "post", "201"],
      ["/api/v1/webhook-endpoints", "post", "201"],
      ["/api/v1/webhook-endpoints/{id}", "patch", "200"],
    ] as const) {
      const op = doc.paths[path]![method]!;
      const body = doc.components.requestBodies[op.requestBody!.$ref.split("/").pop()!]!;
      expect(Object.keys(body.content["application/json"]!.examples ?? {}).length, `${method} ${path}`).toBeGreaterThan(0);
      expect(op.responses[status]!.content!["application/json"]!.example, `${method} ${path}`).toBeDefined();
    }
    expect(doc.paths["/api/v1/checkout/sessions"]!.get!.responses["200"]!.content!["application/json"]!.example).toEqual(ex.sessionList);
    expect(doc.webhooks.event.post.requestBody.content["application/json"]!.example).toEqual(ex.paidEvent);
  });
});
