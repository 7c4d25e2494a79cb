// Races that only a real multi-connection PostgreSQL can show (PGlite runs one query at a
// time). Run with TEST_DATABASE_URL=postgres://…; skipped otherwise.
import { describe, expect, inject, it } from "vitest";
import { CARD, client, createSession, eventsFor, pay } from "../support/api";

const onPostgres = () => inject("databaseKind") === "postgres";
const A = () => inject("merchantA");
const api = () => client(A().testKey);

describe.skipIf(!onPostgres())("payment races on PostgreSQL", () => {
  it("lets exactly one of 20 concurrent card payments succeed", async () => {
    const s = await createSession(A().testKey);
    const results = await Promise.all(Array.from({ length: 20 }, () => pay(s.id, CARD("4242424242424242"))));
    const paid = results.filter((r) => r.status === 200);
    expect(paid).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 200)) {
      expect(r.status).toBe(409);
      expect(["payment_in_progress", "session_not_payable"]).toContain(r.body.error.code);
    }
    const session = (await api().get(`/api/v1/checkout/sessions/${s.id}`)).body;
    expect(session.status).toBe("paid");
    expect(session.payments.filter((p: any) => p.status === "succeeded")).toHaveLength(1);
    expect(await eventsFor(A().testKey, "checkout.session.paid", s.id)).toHaveLength(1);
    expect(await eventsFor(A().testKey, "payment.succeeded", s.id)).toHaveLength(1);
  });

  it("settles a confirmation racing a cancel one way, and keeps the payment", async () => {
    for (let i = 0; i < 8; i++) {
      const s = await createSession(A().testKey);
      const p = (await pay(s.id, { rail: "transfer" })).body.payment;
      const [confirm, cancel] = await Promise.all([
        api().post(`/api/v1/test/payments/${p.id}/succeed`, {}),
        api().post(`/api/v1/checkout/sessions/${s.id}/cancel`, {}),
      ]);
      expect(confirm.status).toBe(200);
      // A session waiting on a payment is not `open`, so the merchant cannot cancel it.
      expect(cancel.status).toBe(409);
      const session = (await api().get(`/api/v1/checkout/sessions/${s.id}`)).body;
      expect(session.status).toBe("paid");
      expect(session.payments).toEqual([expect.objectContaining({ id: p.id, status: "succeeded", requiresRefund: false })]);
    }
  });

  it("settles a card payment racing a cancel one way, and keeps any charge", async () => {
    const outcomes = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const s = await createSession(A().testKey);
      const [charge, cancel] = await Promise.all([
        pay(s.id, CARD("4242424242424242")),
        api().post(`/api/v1/checkout/sessions/${s.id}/cancel`, {}),
      ]);
      const session = (await api().get(`/api/v1/checkout/sessions/${s.id}`)).body;
      const succeeded = session.payments.filter((p: any) => p.status === "succeeded");
      if (session.status === "paid") {
        expect(cancel.status).toBe(409);
        expect(succeeded).toEqual([expect.objectContaining({ requiresRefund: false })]);
        expect(await eventsFor(A().testKey, "checkout.session.canceled", s.id)).toHaveLength(0);
      } else {
        expect(session.status).toBe("canceled");
        expect(cancel.status).toBe(200);
        // Either the charge never started, or it is on record for a refund.
        if (charge.status === 200) expect(succeeded).toEqual([expect.objectContaining({ id: charge.body.payment.id, requiresRefund: true })]);
        else expect(session.payments).toEqual([]);
        expect(await eventsFor(A().testKey, "checkout.session.paid", s.id)).toHaveLength(0);
      }
      outcomes.add(session.status);
    }
    expect([...outcomes].every((o) => o === "paid" || o === "canceled")).toBe(true);
  });

  it("settles a confirmation racing the expiry one way, and never loses the payment", async () => {
    const cases = [];
    for (let i = 0; i < 16; i++) {
      const s = await createSession(A().testKey, { expiresIn: 300 });
      cases.push({ s, p: (await pay(s.id, { rail: "transfer" })).body.payment });
    }
    // Past both the session's deadline and the transfer's own 30 minutes.
    await api().post("/api/v1/test/clock", { advanceSeconds: 31 * 60 });
    await Promise.all(
      cases.flatMap(({ s, p }) => [
        api().post(`/api/v1/test/payments/${p.id}/succeed`, {}),
        client(null).get(`/api/v1/checkout/${s.id}`),
        api().get(`/api/v1/checkout/sessions/${s.id}`),
      ]),
    );
    for (const { s, p } of cases) {
      const session = (await api().get(`/api/v1/checkout/sessions/${s.id}`)).body;
      const payment = (await api().get(`/api/v1/payments/${p.id}`)).body;
      expect(payment.status).toBe("succeeded");
      expect(["paid", "expired"]).toContain(session.status);
      expect(payment.requiresRefund).toBe(session.status === "expired");
      expect(await eventsFor(A().testKey, "payment.succeeded", s.id)).toHaveLength(1);
      const paid = await eventsFor(A().testKey, "checkout.session.paid", s.id);
      const expired = await eventsFor(A().testKey, "checkout.session.expired", s.id);
      expect(paid.length + expired.length).toBe(1);
    }
  });
});
