// The buyer page's forms over HTTP: what a browser without script sends, and forgeries.
import { describe, expect, inject, it } from "vitest";
import { client, createSession } from "../support/api";

const base = () => inject("baseUrl");
const A = () => inject("merchantA");

function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${base()}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base(), ...headers },
    body: new URLSearchParams(fields),
  });
}

const card = { rail: "card", number: "4242 4242 4242 4242", exp: `12/${String(new Date().getUTCFullYear() + 1).slice(2)}`, cvc: "123" };

describe("the checkout page's forms", () => {
  it("pays by card and sends the buyer on to the merchant with a 303", async () => {
    const s = await createSession(A().testKey);
    const res = await post(`/checkout/${s.id}/pay`, card);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`https://shop.example.com/thanks?session=${s.id}`);
    expect((await client(A().testKey).get(`/api/v1/checkout/sessions/${s.id}`)).body.status).toBe("paid");
  });

  it("records the email and name a buyer without script sent with the card form (customerDetails)", async () => {
    const s = await createSession(A().testKey, { customer: { email: "merchant@example.com" } });
    const res = await post(`/checkout/${s.id}/pay`, { ...card, email: "NoScript@Example.com", name: "No Script" });
    expect(res.status).toBe(303);
    const session = (await client(A().testKey).get(`/api/v1/checkout/sessions/${s.id}`)).body;
    expect(session).toMatchObject({ status: "paid", customer: { email: "merchant@example.com" } });
    expect(session.customerDetails).toEqual({ email: "noscript@example.com", name: "No Script", phone: null });
  });

  it("sends a card form with a malformed email back with its code, paying nothing", async () => {
    const s = await createSession(A().testKey);
    const res = await post(`/checkout/${s.id}/pay`, { ...card, email: "nope" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(new RegExp(`^/checkout/${s.id}\\?rail=card&errors=.*email`));
    expect((await client(A().testKey).get(`/api/v1/checkout/sessions/${s.id}`)).body).toMatchObject({ status: "open", payment: null });
  });

  it("sends a refused card back to its form with the reason's code, never the number", async () => {
    const s = await createSession(A().testKey);
    const res = await post(`/checkout/${s.id}/pay`, { ...card, number: "4242 4242 4242 4241" });
    expect(res.status).toBe(303);
    const to = res.headers.get("location")!;
    expect(to).toMatch(new RegExp(`^/checkout/${s.id}\\?rail=card&errors=`));
    expect(to).not.toContain("4241");
  });

  it("refuses a form sent from another site, and one from an opaque origin, changing nothing", async () => {
    const s = await createSession(A().testKey);
    for (const origin of ["https://evil.example", "null"]) {
      const res = await post(`/checkout/${s.id}/pay`, card, { origin });
      expect(res.status).toBe(403);
    }
    const session = (await client(A().testKey).get(`/api/v1/checkout/sessions/${s.id}`)).body;
    expect(session.status).toBe("open");
    expect(session.payment).toBeNull();
  });

  it("answers a body that is not a form with a 400, and an unknown session with its page", async () => {
    const s = await createSession(A().testKey);
    const bad = await fetch(`${base()}/checkout/${s.id}/pay`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base() },
      body: "{}",
    });
    expect(bad.status).toBe(400);
    const unknown = await post("/checkout/cs_test_doesnotexist0000000000/pay", card);
    expect(unknown.status).toBe(303);
    expect(unknown.headers.get("location")).toBe("/checkout/cs_test_doesnotexist0000000000");
    const odd = await post("/checkout/hello%27/simulate", { outcome: "succeeded" });
    expect(odd.status).toBe(303);
    expect(odd.headers.get("location")).toBe("/checkout/hello'");
  });
});
