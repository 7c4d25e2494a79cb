import { randomUUID } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { client, sessionBody } from "../support/api";
import { createMerchantViaCli } from "../support/stack";

// PGlite has one connection and serialises everything: races only show on PostgreSQL.
describe.skipIf(inject("databaseKind") !== "postgres")("races on PostgreSQL", () => {
  const api = () => client(inject("merchantA").testKey);

  it("50 concurrent creates with one Idempotency-Key make exactly one session", async () => {
    const key = randomUUID();
    const ref = `race-${key}`;
    const body = sessionBody({ clientReferenceId: ref });
    const results = await Promise.all(
      Array.from({ length: 50 }, () => api().post("/api/v1/checkout/sessions", body, { "idempotency-key": key })),
    );
    const created = results.filter((r) => r.status === 201);
    const inFlight = results.filter((r) => r.status === 409);
    expect(created.length + inFlight.length).toBe(50);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.text)).size).toBe(1);
    for (const r of inFlight) expect(r.body.error.code).toBe("idempotency_key_in_use");
    const list = await api().get(`/api/v1/checkout/sessions?clientReferenceId=${ref}`);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0].id).toBe(created[0]!.body.id);
    const events = await api().get("/api/v1/events?limit=100&type=checkout.session.created");
    expect(events.body.data.filter((e: any) => e.data.object.clientReferenceId === ref)).toHaveLength(1);
  });

  it("20 concurrent cancels of one session give exactly one 200", async () => {
    const s = (await api().post("/api/v1/checkout/sessions", sessionBody())).body;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => api().post(`/api/v1/checkout/sessions/${s.id}/cancel`)),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((x) => x === 200)).toHaveLength(1);
    expect(statuses.filter((x) => x === 409)).toHaveLength(19);
    const events = await api().get("/api/v1/events?limit=100&type=checkout.session.canceled");
    expect(events.body.data.filter((e: any) => e.data.object.id === s.id)).toHaveLength(1);
  });

  it("40 concurrent webhook endpoint creates stop at the cap of 16", async () => {
    // A merchant of its own, so endpoints other files made do not count.
    const db = { url: inject("databaseUrl"), dataDir: inject("dataDir"), drop: async () => {} };
    const m = client((await createMerchantViaCli(db, "Endpoint Cap Shop")).testKey);
    // A public address literal: allowed in every mode, and nothing is ever sent to it here.
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => m.post("/api/v1/webhook-endpoints", { url: `https://93.184.215.14/cap/${i}`, events: ["*"] })),
    );
    const created = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status !== 201);
    expect(created).toHaveLength(16);
    expect(refused).toHaveLength(24);
    for (const r of refused) {
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ type: "validation_error", code: "endpoint_limit_reached" });
    }
    const list = await m.get("/api/v1/webhook-endpoints?limit=100");
    expect(list.body.data).toHaveLength(16);
  });
});
