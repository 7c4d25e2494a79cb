import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, inject, it } from "vitest";
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

    const props = Object.keys(doc.components.schemas.CreateCheckoutSession.properties).sort();
    // Generated, not hand-copied: the document lists exactly the fields the validator knows.
    expect(props).toEqual(Object.keys(createSessionInput.shape).sort());
    expect(props).toEqual(
      [
        "amount", "currency", "lineItems", "description", "customer", "paymentMethods", "preferredPaymentMethod", "mode",
        "successUrl", "cancelUrl", "allowedOrigins", "expiresIn", "expiresAt", "metadata", "clientReferenceId", "locale",
        "installments",
      ].sort(),
    );
    expect(doc.components.schemas.CreateCheckoutSession.required).toEqual(["currency", "successUrl"]);
    expect(doc.paths["/api/v1/checkout/sessions"].post.requestBody.content["application/json"].schema.$ref).toBe(
      "#/components/schemas/CreateCheckoutSession",
    );
    for (const path of [
      "/api/v1/checkout/sessions",
      "/api/v1/checkout/sessions/{id}",
      "/api/v1/checkout/sessions/{id}/cancel",
      "/api/v1/events",
      "/api/v1/events/{id}",
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});
