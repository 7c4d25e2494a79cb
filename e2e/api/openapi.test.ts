import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, inject, it } from "vitest";
import { EVENT_TYPES } from "@/lib/events/types";
import { createSessionInput } from "@/lib/checkout/schemas";
import { client } from "../support/api";

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document generated from the request schemas", async () => {
    const res = await client(null).get("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe("3.1.0");
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);

    const create = doc.components.requestBodies.CreateCheckoutSession.content["application/json"].schema;
    const props = Object.keys(create.properties).sort();
    // Generated, not hand-copied: the document lists exactly the fields the validator knows,
    // and the idempotencyKey every POST takes.
    expect(props).toEqual([...Object.keys(createSessionInput.shape), "idempotencyKey"].sort());
    expect(props).toEqual(
      [
        "amount", "currency", "lineItems", "description", "customer", "paymentMethods", "preferredPaymentMethod", "mode",
        "successUrl", "cancelUrl", "allowedOrigins", "expiresIn", "expiresAt", "metadata", "clientReferenceId", "locale",
        "installments", "idempotencyKey",
      ].sort(),
    );
    expect(create.required).toEqual(["currency", "successUrl"]);
    expect(doc.paths["/api/v1/checkout/sessions"].post.requestBody.$ref).toBe("#/components/requestBodies/CreateCheckoutSession");
    for (const path of [
      "/api/v1/checkout/sessions",
      "/api/v1/checkout/sessions/{id}",
      "/api/v1/checkout/sessions/{id}/cancel",
      "/api/v1/events",
      "/api/v1/events/{id}",
      "/api/v1/refunds",
      "/api/v1/refunds/{id}",
      "/api/v1/test/refunds/{id}/succeed",
      "/api/v1/test/refunds/{id}/fail",
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });

  it("declares what a generated client needs: optional defaults, idempotency, headers, real object schemas", async () => {
    const doc = (await client(null).get("/api/v1/openapi.json")).body;
    const { schemas, requestBodies } = doc.components;
    const body = (name: string) => requestBodies[name].content["application/json"].schema;
    // A field with a default is optional in the request (a generator would make it required in components.schemas).
    expect(body("CreateCheckoutSession").required).not.toContain("mode");
    expect(body("CreateCheckoutSession").required).not.toContain("locale");
    expect(body("CreateWebhookEndpoint").required).not.toContain("status");
    expect(schemas.CreateCheckoutSession).toBeUndefined();

    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops as Record<string, any>).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining(["get /api/v1/openapi.json", "get /api/health", "post /api/v1/checkout/{id}/pay"]),
    );
    for (const { path, method, op } of operations) {
      const where = `${method} ${path}`;
      // A processor's notification is not the merchant's call: it is taken once by its own event id.
      if (method === "post" && path !== "/api/v1/provider-events/{id}") {
        expect(op.parameters.map((p: any) => p.name), where).toContain("Idempotency-Key");
        const name = op.requestBody.$ref.split("/").pop();
        expect(body(name).properties.idempotencyKey, where).toBeDefined();
      }
      expect(op.responses.default?.content["application/json"].schema.$ref, where).toBe("#/components/schemas/Error");
      for (const [status, res] of Object.entries(op.responses as Record<string, any>)) {
        expect(res.headers?.["Request-Id"], `${where} ${status}`).toEqual({ $ref: "#/components/headers/Request-Id" });
        if (status === "429") expect(res.headers["Retry-After"], where).toBeDefined();
        if (method === "post" && status.startsWith("2")) expect(res.headers["Idempotent-Replayed"], where).toBeDefined();
      }
      expect(op.responses.default.headers.Allow, where).toBeDefined();
    }
    expect(doc.paths["/api/health"].get.responses["200"].content["application/json"].schema.$ref).toBe("#/components/schemas/Health");

    // Real schemas, discriminated: a payment by rail, a next action by type, an event by type.
    expect(schemas.Customer.properties.email).toEqual({ type: "string" });
    expect(schemas.CheckoutSession.properties.customer.anyOf[0]).toEqual({ $ref: "#/components/schemas/Customer" });
    expect(schemas.CheckoutSession.properties.customerDetails).toEqual({ $ref: "#/components/schemas/CustomerDetails" });
    expect(schemas.CheckoutSession.required).toContain("customerDetails");
    expect(Object.keys(schemas.CustomerDetails.properties)).toEqual(["email", "name", "phone"]);
    expect(schemas.CustomerDetails.properties.phone.type).toEqual(["string", "null"]);
    const listParams = doc.paths["/api/v1/checkout/sessions"].get.parameters.map((p: any) => p.name);
    expect(listParams).toEqual(expect.arrayContaining(["customer.email", "customerEmail", "customerPhone", "customerName"]));
    expect(schemas.CheckoutSession.properties.metadata.maxProperties).toBe(50);
    expect(body("CreateCheckoutSession").properties.metadata.maxProperties).toBe(50);
    const rails = schemas.Payment.oneOf.map((v: any) => v.properties.rail.const);
    expect(rails).toEqual(["card", "transfer", "virtual_account", "ussd", "direct_debit", "pix", "boleto", "mobile_money"]);
    // null when the provider refused the payment or has not answered yet (SPEC 8).
    expect(schemas.Payment.oneOf[0].properties.details).toEqual({ anyOf: [{ $ref: "#/components/schemas/CardDetails" }, { type: "null" }] });
    expect(schemas.NextAction.oneOf.map((v: any) => v.properties.type.const)).toContain("three_d_secure");
    const eventTypes = schemas.Event.oneOf.flatMap((v: any) => v.properties.type.enum);
    expect(eventTypes.sort()).toEqual([...EVENT_TYPES].sort());
    expect(schemas.Event.oneOf.map((v: any) => v.properties.data.properties.object.$ref)).toEqual([
      "#/components/schemas/CheckoutSession",
      "#/components/schemas/Payment",
      "#/components/schemas/Refund",
    ]);
    expect(schemas.Error.properties.error.properties.type.enum).toEqual(expect.arrayContaining(["permission_error", "method_not_allowed"]));
  });
});
