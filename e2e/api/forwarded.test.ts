// SPEC 6: the client's IP is the socket's; X-Forwarded-For counts only for TRUST_PROXY proxies.
// Servers of their own, one after the other on one database, with a small per-IP limit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CARD, client, sessionBody } from "../support/api";
import { rawRequest } from "../support/raw-http";
import { createMerchantViaCli, freshDatabase, startServer, type Database, type Server } from "../support/stack";

const LIMITS = { RATE_LIMIT_PAY_PER_IP: "4", RATE_LIMIT_PAY_PER_SESSION: "1000", RATE_LIMIT_WINDOW_S: "600" };

let db: Database;
let key: string;

beforeAll(async () => {
  db = await freshDatabase();
  key = (await createMerchantViaCli(db, "Forwarded Shop")).testKey;
});
afterAll(async () => {
  await db?.drop();
});

const newSession = async (server: Server) => (await client(key, server.url).post("/api/v1/checkout/sessions", sessionBody())).body.id as string;
const payApi = (server: Server, id: string, headers: Record<string, string>) =>
  client(null, server.url).post(`/api/v1/checkout/${id}/pay`, CARD("4000000000000002"), headers);

describe("with no proxy trusted (the default)", () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer(db, LIMITS);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("limits a client however it names itself in X-Forwarded-For and its kin, on the API and the form alike", async () => {
    const id = await newSession(server);
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const res = await payApi(server, id, {
        "x-forwarded-for": `203.0.113.${i}`,
        "x-real-ip": `203.0.113.${i}`,
        forwarded: `for=203.0.113.${i}`,
        "x-kassa-client-ip": `198.51.100.${i}`,
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);

    // The buyer's form counts against the same address: the socket's, not a header's.
    const form = await fetch(`${server.url}/checkout/${id}/pay`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: server.url,
        "x-forwarded-for": "203.0.113.99",
        "x-kassa-client-ip": "198.51.100.99",
      },
      body: new URLSearchParams({ rail: "card", number: "4000 0000 0000 0002", exp: "12/40", cvc: "123" }),
    });
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toBe(`/checkout/${id}?rail=card&notice=too_many_attempts`);
  });

  it("does not count a client-sent X-Forwarded-Host as ours: a foreign Origin is refused", async () => {
    const id = await newSession(server);
    const form = await rawRequest(
      server.url,
      "POST",
      `/checkout/${id}/pay`,
      { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
      "rail=card&number=4242424242424242&exp=12%2F40&cvc=123",
    );
    expect(form.status).toBe(403);
    // Nor a Host header the client chose.
    const api = await rawRequest(
      server.url,
      "POST",
      `/api/v1/checkout/${id}/pay`,
      { "content-type": "application/json", origin: "http://evil.example", host: "evil.example", "x-forwarded-host": "evil.example" },
      JSON.stringify(CARD("4242424242424242")),
    );
    expect(api.status).toBe(403);
    expect(JSON.parse(api.body).error.code).toBe("origin_not_allowed");
    expect((await client(key, server.url).get(`/api/v1/checkout/sessions/${id}`)).body.payment).toBeNull();
  });
});

describe("behind one trusted proxy (TRUST_PROXY=1)", () => {
  let server: Server;
  beforeAll(async () => {
    // No PUBLIC_URL: our own origins are this machine's on PORT, never a forwarded host.
    server = await startServer(db, { ...LIMITS, TRUST_PROXY: "1", PUBLIC_URL: "" });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("takes the client from the entry the proxy added, and only that one", async () => {
    const id = await newSession(server);
    // Five clients, as the proxy names them: none reaches the limit of four.
    for (let i = 1; i <= 5; i++) expect((await payApi(server, id, { "x-forwarded-for": `192.0.2.${i}` })).status).toBe(200);
    // One client, whatever it wrote to the left of the proxy's entry (a fresh session: five
    // declines have failed the first).
    const other = await newSession(server);
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i++) statuses.push((await payApi(server, other, { "x-forwarded-for": `203.0.113.${i}, 192.0.2.50` })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
  });

  it("still compares a form's Origin with our own origin, scheme included", async () => {
    const id = await newSession(server);
    const port = new URL(server.url).port;
    const post = (headers: Record<string, string>) =>
      rawRequest(server.url, "POST", `/checkout/${id}/simulate`, { "content-type": "application/x-www-form-urlencoded", ...headers }, "outcome=failed");
    // A forwarded host names where the client went, not which pages are ours.
    expect((await post({ origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" })).status).toBe(403);
    expect((await post({ origin: `https://127.0.0.1:${port}` })).status).toBe(403);
    expect((await post({ origin: `http://localhost:${port}` })).status).toBe(303);
    expect((await post({ origin: `http://127.0.0.1:${port}` })).status).toBe(303);
  });
});
