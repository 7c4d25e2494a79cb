import { randomUUID } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { client, sessionBody } from "../support/api";

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
});
