// Races that only a real multi-connection PostgreSQL can show (PGlite runs one query at a
// time). Run with TEST_DATABASE_URL=postgres://…; skipped otherwise.
import { randomUUID } from "node:crypto";
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

  it("never both cancels a session and charges its card: 50 rounds of cancel against pay", async () => {
    const outcomes = { paid: 0, canceled: 0, cancelRefusedInFlight: 0 };
    for (let i = 0; i < 50; i++) {
      const s = await createSession(A().testKey);
      const [charge, cancel] = await Promise.all([
        pay(s.id, CARD("4242424242424242")),
        api().post(`/api/v1/checkout/sessions/${s.id}/cancel`, {}),
      ]);
      const session = (await api().get(`/api/v1/checkout/sessions/${s.id}`)).body;
      const succeeded = session.payments.filter((p: any) => p.status === "succeeded");
      // Exactly one of the two wins, and what each answered agrees with the session.
      expect([charge.status, cancel.status].filter((st) => st === 200)).toHaveLength(1);
      if (charge.status === 200) {
        expect(charge.body.payment.status).toBe("succeeded");
        expect(session.status).toBe("paid");
        expect(cancel.status).toBe(409);
        expect(cancel.body.error.type).toBe("invalid_state");
        expect(["payment_in_progress", "invalid_state"]).toContain(cancel.body.error.code);
        if (cancel.body.error.code === "payment_in_progress") outcomes.cancelRefusedInFlight++;
        expect(succeeded).toEqual([expect.objectContaining({ id: charge.body.payment.id, requiresRefund: false })]);
        expect(await eventsFor(A().testKey, "checkout.session.canceled", s.id)).toHaveLength(0);
        outcomes.paid++;
      } else {
        expect(cancel.status).toBe(200);
        expect(session.status).toBe("canceled");
        expect(charge.status).toBe(409);
        expect(charge.body.error.code).toBe("session_not_payable");
        // The provider was never called: no payment at all, so no card was charged.
        expect(session.payments).toEqual([]);
        expect(await eventsFor(A().testKey, "checkout.session.paid", s.id)).toHaveLength(0);
        outcomes.canceled++;
      }
    }
    console.log(`cancel against pay, 50 rounds: ${JSON.stringify(outcomes)}`);
    expect(outcomes.paid + outcomes.canceled).toBe(50);
  });

  it("refuses to cancel while a payment is being attempted", async () => {
    // Attempts in flight hold the session; a cancel that meets one says so.
    let seen = 0;
    for (let i = 0; i < 100 && seen === 0; i++) {
      const s = await createSession(A().testKey);
      const charge = pay(s.id, CARD("4242424242424242"));
      const cancels = await Promise.all(Array.from({ length: 5 }, () => api().post(`/api/v1/checkout/sessions/${s.id}/cancel`, {})));
      await charge;
      for (const c of cancels.filter((c) => c.body?.error?.code === "payment_in_progress")) {
        expect(c.status).toBe(409);
        expect(c.body.error.type).toBe("invalid_state");
        expect(c.body.error.message).toContain("a payment is being attempted");
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it("makes one payment of 10 concurrent pays with one Idempotency-Key", async () => {
    const s = await createSession(A().testKey);
    const k = { "idempotency-key": randomUUID() };
    const results = await Promise.all(Array.from({ length: 10 }, () => pay(s.id, CARD("4242424242424242"), k)));
    const fresh = results.filter((r) => r.status === 200 && !r.headers.get("idempotent-replayed"));
    expect(fresh).toHaveLength(1);
    for (const r of results.filter((r) => r !== fresh[0])) {
      if (r.status === 200) expect(r.text).toBe(fresh[0]!.text);
      else {
        expect(r.status).toBe(409);
        expect(r.body.error).toMatchObject({ type: "idempotency_error", code: "idempotency_key_in_use" });
      }
    }
    const session = (await api().get(`/api/v1/checkout/sessions/${s.id}`)).body;
    expect(session.payments).toHaveLength(1);
  });

  it("stores nothing under a key whose pay met another attempt in progress", async () => {
    let seen = 0;
    for (let i = 0; i < 20 && seen === 0; i++) {
      const s = await createSession(A().testKey);
      const keys = Array.from({ length: 5 }, () => randomUUID());
      const results = await Promise.all(keys.map((k) => pay(s.id, CARD("4242424242424242"), { "idempotency-key": k })));
      for (const [j, r] of results.entries()) {
        if (r.body?.error?.code !== "payment_in_progress") continue;
        seen++;
        // The retry runs afresh: it finds the session paid, not the busy answer replayed.
        const retry = await pay(s.id, CARD("4242424242424242"), { "idempotency-key": keys[j]! });
        expect(retry.headers.get("idempotent-replayed")).toBeNull();
        expect(retry.body.error.code).toBe("session_not_payable");
      }
    }
    expect(seen).toBeGreaterThan(0);
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

  it("shows a session and its payments as one moment saw them, while a payment fails", async () => {
    const seen: { status: string; payments: { status: string }[] }[] = [];
    for (let i = 0; i < 20; i++) {
      const s = await createSession(A().testKey);
      const p = (await pay(s.id, { rail: "transfer" })).body.payment;
      let failed = false;
      const read = async () => {
        // Reading until the failure has answered, then once more, on four connections.
        for (let done = false; !done; ) {
          done = failed;
          seen.push((await api().get(`/api/v1/checkout/sessions/${s.id}`)).body);
        }
      };
      const fail = api().post(`/api/v1/test/payments/${p.id}/fail`, { failureCode: "transfer_reversed" }).then(() => void (failed = true));
      await Promise.all([fail, read(), read(), read(), read()]);
    }
    // The payment and the session change in one transaction, so no read may show half of it:
    // a waiting payment means a pending session, and a failed one an open session again.
    for (const session of seen) {
      const waiting = session.payments.some((p) => p.status === "pending");
      expect(session.status).toBe(waiting ? "pending" : "open");
    }
    expect(seen.some((s) => s.status === "open")).toBe(true);
  });

  it("never refunds more than a payment took: 20 concurrent partial refunds that add up past it", async () => {
    for (const rail of ["card", "transfer"] as const) {
      const s = await createSession(A().testKey, { amount: 250000 });
      let p = (await pay(s.id, rail === "card" ? CARD("4242424242424242") : { rail })).body.payment;
      if (rail === "transfer") p = (await api().post(`/api/v1/test/payments/${p.id}/succeed`, {})).body;
      expect(p.status).toBe("succeeded");
      // 20 × 20 000 = 400 000 asked of 250 000: 12 fit (240 000), the 13th would not.
      const results = await Promise.all(Array.from({ length: 20 }, () => api().post("/api/v1/refunds", { payment: p.id, amount: 20000 })));
      const created = results.filter((r) => r.status === 201);
      for (const r of results.filter((r) => r.status !== 201)) {
        expect(r.status, r.text).toBe(409);
        expect(r.body.error.code).toBe("refund_exceeds_payment");
      }
      const refunds = (await api().get(`/api/v1/refunds?payment=${p.id}&limit=100`)).body.data;
      const sum = refunds.reduce((n: number, r: { amount: number }) => n + r.amount, 0);
      expect(sum).toBeLessThanOrEqual(250000);
      expect(created).toHaveLength(12);
      expect(refunds).toHaveLength(12);
      expect((await api().get(`/api/v1/payments/${p.id}`)).body.refundedAmount).toBe(sum);
    }
  });
});
