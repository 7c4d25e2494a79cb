// Webhook endpoints and delivery against the shared server (WEBHOOK_TIME_SCALE=0.001, a 2 s
// timeout: see e2e/support/stack.ts), with a receiver in its own process that verifies every
// delivery with the standardwebhooks library.
import { Validator } from "@seriousme/openapi-schema-validator";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { client, sessionBody } from "../support/api";
import { startReceiver, type Receiver, type RouteConfig } from "../support/receiver";
import { waitFor } from "../support/wait";

const a = client(inject("merchantA").testKey);
const aLive = client(inject("merchantA").liveKey);
const b = client(inject("merchantB").testKey);

let receiver: Receiver;
const created: { api: typeof a; id: string }[] = [];

beforeAll(async () => {
  receiver = await startReceiver();
});

// Endpoints left behind would receive the events of the test files that run after this one.
afterEach(async () => {
  for (const { api, id } of created.splice(0)) await api.request("DELETE", `/api/v1/webhook-endpoints/${id}`);
});

afterAll(async () => {
  await receiver.stop();
});

let paths = 0;

/** An endpoint of merchant A (test mode) pointing at a fresh receiver path that answers as told. */
async function endpointAt(events: string[] = ["*"], answers: Omit<RouteConfig, "secret"> = {}) {
  const path = `/hooks/${++paths}`;
  const res = await a.post("/api/v1/webhook-endpoints", { url: receiver.url(path), events });
  expect(res.status).toBe(201);
  created.push({ api: a, id: res.body.id });
  await receiver.route(path, { secret: res.body.secret, ...answers });
  return { path, endpoint: res.body as { id: string; secret: string } };
}

async function createSession(api = a) {
  const res = await api.post("/api/v1/checkout/sessions", sessionBody());
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

async function eventOf(sessionId: string, type: string) {
  const res = await a.get(`/api/v1/events?type=${type}&limit=100`);
  const event = res.body.data.find((e: any) => e.data.object.id === sessionId);
  expect(event).toBeDefined();
  return event as { id: string; type: string };
}

async function deliveries(endpointId: string, query = "") {
  const res = await a.get(`/api/v1/webhook-endpoints/${endpointId}/deliveries${query}`);
  expect(res.status).toBe(200);
  return res.body.data as any[];
}

async function received(path: string, eventId: string, count: number, timeoutMs = 15_000) {
  return waitFor(
    async () => {
      const got = (await receiver.requests(path, { bodies: true })).filter((r) => r.webhookId === eventId);
      return got.length >= count ? got : undefined;
    },
    { timeoutMs, what: `${count} deliveries of ${eventId} at ${path}` },
  );
}

describe("webhook endpoints API", () => {
  it("creates an endpoint and shows its secret once", async () => {
    const res = await a.post("/api/v1/webhook-endpoints", {
      url: "http://localhost:4999/webhooks",
      events: ["checkout.session.paid", "payment.failed"],
      description: "Order fulfilment",
    });
    expect(res.status).toBe(201);
    created.push({ api: a, id: res.body.id });
    expect(res.body).toEqual({
      id: expect.stringMatching(/^we_[0-9A-Za-z]{24}$/),
      object: "webhook_endpoint",
      livemode: false,
      url: "http://localhost:4999/webhooks",
      events: ["checkout.session.paid", "payment.failed"],
      description: "Order fulfilment",
      status: "enabled",
      disabledReason: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/),
    });
    // 32 random bytes, usable by the receiver's library as is.
    expect(Buffer.from(res.body.secret.slice(6), "base64")).toHaveLength(32);
    expect(() => new Webhook(res.body.secret)).not.toThrow();

    const { secret, ...shown } = res.body;
    const got = await a.get(`/api/v1/webhook-endpoints/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(shown);
    const list = await a.get("/api/v1/webhook-endpoints?limit=100");
    expect(list.body.data).toContainEqual(shown);
    expect(list.text).not.toContain(secret);
  });

  it("replays an idempotent create, secret included, without a second endpoint", async () => {
    const key = { "Idempotency-Key": `we-${Date.now()}-${Math.random()}` };
    const body = { url: "http://localhost:4999/idem", events: ["*"] };
    const first = await a.post("/api/v1/webhook-endpoints", body, key);
    created.push({ api: a, id: first.body.id });
    const again = await a.post("/api/v1/webhook-endpoints", body, key);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.text).toBe(first.text);
  });

  it.each([
    [{ events: ["*"] }, ["url"], "invalid_type"],
    [{ url: "/relative", events: ["*"] }, ["url"], "custom"],
    [{ url: "ftp://shop.example.com/hook", events: ["*"] }, ["url"], "custom"],
    [{ url: "https://user:pw@shop.example.com/hook", events: ["*"] }, ["url"], "custom"],
    [{ url: "http://localhost:4999/hook", events: [] }, ["events"], "too_small"],
    [{ url: "http://localhost:4999/hook" }, ["events"], "invalid_type"],
    [{ url: "http://localhost:4999/hook", events: ["*", "payment.failed"] }, ["events"], "custom"],
    [{ url: "http://localhost:4999/hook", events: ["payment.failed", "payment.failed"] }, ["events"], "custom"],
    [{ url: "http://localhost:4999/hook", events: ["payment.refunded"] }, ["events", 0], "invalid_value"],
    [{ url: "http://localhost:4999/hook", events: ["*"], description: "x".repeat(501) }, ["description"], "too_big"],
    [{ url: "http://localhost:4999/hook", events: ["*"], status: "paused" }, ["status"], "invalid_value"],
    [{ url: "http://localhost:4999/hook", events: ["*"], secret: "whsec_mine" }, [], "unrecognized_keys"],
  ])("refuses %j with a validation error on %j", async (body, path, code) => {
    const res = await a.post("/api/v1/webhook-endpoints", body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: "validation_error", code: "invalid_request" });
    expect(res.body.error.issues).toContainEqual(expect.objectContaining({ path, code }));
  });

  it("answers a bad url with the whole error body", async () => {
    const res = await a.post("/api/v1/webhook-endpoints", { url: "not a url", events: ["*"] });
    expect(res.body).toEqual({
      error: {
        type: "validation_error",
        code: "invalid_request",
        message: "url: must be an absolute URL",
        issues: [{ path: ["url"], code: "custom", message: "must be an absolute URL" }],
        requestId: res.headers.get("request-id"),
      },
    });
  });

  it("changes url, events, description and status", async () => {
    const { endpoint } = await endpointAt(["checkout.session.created"]);
    const res = await a.request("PATCH", `/api/v1/webhook-endpoints/${endpoint.id}`, {
      body: { url: "http://localhost:4999/moved", events: ["*"], description: "Moved", status: "disabled" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      url: "http://localhost:4999/moved",
      events: ["*"],
      description: "Moved",
      status: "disabled",
      disabledReason: null,
    });
    expect(res.body.secret).toBeUndefined();
    expect(Date.parse(res.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(res.body.createdAt));

    const cleared = await a.request("PATCH", `/api/v1/webhook-endpoints/${endpoint.id}`, { body: { description: null, status: "enabled" } });
    expect(cleared.body).toMatchObject({ description: null, status: "enabled" });

    const empty = await a.request("PATCH", `/api/v1/webhook-endpoints/${endpoint.id}`, { body: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe("give at least one field to change");
    const bad = await a.request("PATCH", `/api/v1/webhook-endpoints/${endpoint.id}`, { body: { events: ["nope"] } });
    expect(bad.status).toBe(400);
  });

  it("deletes an endpoint: 404 from then on", async () => {
    const res = await a.post("/api/v1/webhook-endpoints", { url: "http://localhost:4999/gone", events: ["*"] });
    const id = res.body.id;
    const del = await a.request("DELETE", `/api/v1/webhook-endpoints/${id}`);
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ id, object: "webhook_endpoint", deleted: true });
    expect((await a.get(`/api/v1/webhook-endpoints/${id}`)).status).toBe(404);
    expect((await a.request("DELETE", `/api/v1/webhook-endpoints/${id}`)).status).toBe(404);
    expect((await a.request("PATCH", `/api/v1/webhook-endpoints/${id}`, { body: { status: "enabled" } })).status).toBe(404);
    expect((await a.get(`/api/v1/webhook-endpoints/${id}/deliveries`)).status).toBe(404);
    const list = await a.get("/api/v1/webhook-endpoints?limit=100");
    expect(list.body.data.map((e: any) => e.id)).not.toContain(id);
  });

  it("lists newest first, a page at a time", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await endpointAt(["payment.failed"])).endpoint.id);
    const first = await a.get("/api/v1/webhook-endpoints?limit=2");
    expect(first.body.data.map((e: any) => e.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.hasMore).toBe(true);
    const next = await a.get(`/api/v1/webhook-endpoints?limit=2&startingAfter=${ids[1]}`);
    expect(next.body.data[0].id).toBe(ids[0]);
    const back = await a.get(`/api/v1/webhook-endpoints?limit=2&endingBefore=${ids[0]}`);
    expect(back.body.data.map((e: any) => e.id)).toEqual([ids[2], ids[1]]);
    expect((await a.get("/api/v1/webhook-endpoints?limit=0")).status).toBe(400);
    expect((await a.get("/api/v1/webhook-endpoints?startingAfter=we_nosuchendpoint000000000")).status).toBe(404);
  });

  it("keeps each merchant's and each mode's endpoints apart (404, never 403)", async () => {
    const { endpoint } = await endpointAt();
    const session = await createSession();
    const event = await eventOf(session.id, "checkout.session.created");
    for (const other of [b, aLive]) {
      expect((await other.get(`/api/v1/webhook-endpoints/${endpoint.id}`)).status).toBe(404);
      expect((await other.request("PATCH", `/api/v1/webhook-endpoints/${endpoint.id}`, { body: { status: "disabled" } })).status).toBe(404);
      expect((await other.request("DELETE", `/api/v1/webhook-endpoints/${endpoint.id}`)).status).toBe(404);
      expect((await other.get(`/api/v1/webhook-endpoints/${endpoint.id}/deliveries`)).status).toBe(404);
      expect((await other.post(`/api/v1/events/${event.id}/resend`, {})).status).toBe(404);
      const list = await other.get("/api/v1/webhook-endpoints?limit=100");
      expect(list.body.data.map((e: any) => e.id)).not.toContain(endpoint.id);
    }
    expect((await a.get(`/api/v1/webhook-endpoints/${endpoint.id}`)).body.status).toBe("enabled");
    expect((await client(null).get("/api/v1/webhook-endpoints")).status).toBe(401);
  });

  describe("in live mode, only the public internet", () => {
    it.each([
      ["https://127.0.0.1/hook", "127.0.0.1 is a loopback address"],
      ["https://10.0.0.1/hook", "10.0.0.1 is a private network address"],
      ["https://169.254.169.254/latest/meta-data/", "169.254.169.254 is a cloud metadata address"],
      ["https://[::1]/hook", "::1 is a loopback address"],
      ["https://localhost/hook", "the host localhost resolves to a loopback address"],
      ["https://[::ffff:127.0.0.1]/hook", "is a loopback address"],
      ["https://192.168.1.10:8443/hook", "is a private network address"],
      ["https://100.64.0.1/hook", "is a private network address"],
      ["https://[fd00:ec2::254]/", "is a cloud metadata address"],
      ["http://1.1.1.1/hook", "live endpoints must use https"],
    ])("refuses %s", async (url, reason) => {
      const res = await aLive.post("/api/v1/webhook-endpoints", { url, events: ["*"] });
      expect(res.status).toBe(400);
      expect(res.body.error.type).toBe("validation_error");
      expect(res.body.error.issues).toEqual([{ path: ["url"], code: "custom", message: expect.stringContaining(reason) }]);
    });

    it("accepts a public https address, and refuses a change to a private one", async () => {
      const res = await aLive.post("/api/v1/webhook-endpoints", { url: "https://1.1.1.1/kassa", events: ["checkout.session.paid"] });
      expect(res.status).toBe(201);
      created.push({ api: aLive, id: res.body.id });
      expect(res.body.livemode).toBe(true);
      const moved = await aLive.request("PATCH", `/api/v1/webhook-endpoints/${res.body.id}`, { body: { url: "https://127.0.0.1/kassa" } });
      expect(moved.status).toBe(400);
      expect(moved.body.error.issues[0].path).toEqual(["url"]);
      expect((await aLive.get(`/api/v1/webhook-endpoints/${res.body.id}`)).body.url).toBe("https://1.1.1.1/kassa");
    });

    it("lets test mode use http://localhost, but not the metadata service", async () => {
      const local = await a.post("/api/v1/webhook-endpoints", { url: "http://localhost:4999/dev", events: ["*"] });
      expect(local.status).toBe(201);
      created.push({ api: a, id: local.body.id });
      const metadata = await a.post("/api/v1/webhook-endpoints", { url: "http://169.254.169.254/latest/meta-data/", events: ["*"] });
      expect(metadata.status).toBe(400);
      expect(metadata.body.error.issues[0].message).toContain("cloud metadata address");
    });
  });

  it("documents the endpoints in the OpenAPI document", async () => {
    const res = await client(null).get("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/webhook-endpoints",
        "/api/v1/webhook-endpoints/{id}",
        "/api/v1/webhook-endpoints/{id}/deliveries",
        "/api/v1/events/{id}/resend",
      ]),
    );
    expect(Object.keys(res.body.paths["/api/v1/webhook-endpoints/{id}"])).toEqual(["get", "patch", "delete"]);
    expect(res.body.webhooks.event.post.parameters.map((p: any) => p.name)).toEqual([
      "webhook-id",
      "webhook-timestamp",
      "webhook-signature",
    ]);
    expect(await new Validator().validate(res.body)).toEqual({ valid: true });
  });
});

describe("webhook delivery", () => {
  it("sends every subscribed event, signed, to a receiver that verifies it", async () => {
    const all = await endpointAt(["*"]);
    const canceledOnly = await endpointAt(["checkout.session.canceled"]);
    const session = await createSession();
    expect((await a.post(`/api/v1/checkout/sessions/${session.id}/cancel`, {})).status).toBe(200);
    const createdEvent = await eventOf(session.id, "checkout.session.created");
    const canceledEvent = await eventOf(session.id, "checkout.session.canceled");

    const [gotCreated] = await received(all.path, createdEvent.id, 1);
    const [gotCanceled] = await received(all.path, canceledEvent.id, 1);
    const [gotCanceledOnly] = await received(canceledOnly.path, canceledEvent.id, 1);
    for (const got of [gotCreated!, gotCanceled!, gotCanceledOnly!]) {
      expect(got.verifyError).toBeNull();
      expect(got.verified).toBe(true);
      expect(got.contentType).toBe("application/json");
      expect(got.signature).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
      // The body is the event exactly as the API returns it.
      const event = JSON.parse(got.body!);
      expect(event).toEqual((await a.get(`/api/v1/events/${got.webhookId}`)).body);
      expect(event.data.object.id).toBe(session.id);
    }
    expect(gotCreated!.type).toBe("checkout.session.created");
    expect(gotCanceled!.type).toBe("checkout.session.canceled");
    // The endpoint that takes only cancellations never saw the creation.
    expect((await receiver.requests(canceledOnly.path)).map((r) => r.webhookId)).toEqual([canceledEvent.id]);

    const [delivery] = await deliveries(canceledOnly.endpoint.id);
    expect(delivery).toEqual({
      id: expect.stringMatching(/^whd_/),
      object: "webhook_delivery",
      livemode: false,
      endpoint: canceledOnly.endpoint.id,
      event: canceledEvent.id,
      eventType: "checkout.session.canceled",
      status: "succeeded",
      attemptCount: 1,
      nextAttemptAt: null,
      lastAttemptAt: expect.any(String),
      createdAt: expect.any(String),
      attempts: [
        {
          id: expect.stringMatching(/^wha_/),
          object: "webhook_attempt",
          attemptedAt: expect.any(String),
          responseStatus: 200,
          durationMs: expect.any(Number),
          responseBody: "ok",
          error: null,
        },
      ],
    });
  });

  it("queues a session's created event for each enabled endpoint that takes it, with the session, once", async () => {
    const all = await endpointAt(["*"]);
    const createdOnly = await endpointAt(["checkout.session.created"]);
    const canceledOnly = await endpointAt(["checkout.session.canceled"]);
    const disabled = await endpointAt(["*"]);
    expect((await a.request("PATCH", `/api/v1/webhook-endpoints/${disabled.endpoint.id}`, { body: { status: "disabled" } })).status).toBe(200);
    const key = `deliveries-${Date.now()}`;
    const body = sessionBody();
    const first = await a.post("/api/v1/checkout/sessions", body, { "idempotency-key": key });
    expect(first.status).toBe(201);
    const replay = await a.post("/api/v1/checkout/sessions", body, { "idempotency-key": key });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    const event = await eventOf(first.body.id, "checkout.session.created");

    const ids: string[] = [];
    for (const { endpoint } of [all, createdOnly]) {
      const got = await deliveries(endpoint.id, `?event=${event.id}`);
      expect(got).toHaveLength(1);
      expect(got[0]).toMatchObject({ event: event.id, endpoint: endpoint.id, eventType: "checkout.session.created" });
      expect(got[0].id).toMatch(/^whd_[0-9A-Za-z]{24}$/);
      ids.push(got[0].id);
    }
    expect(new Set(ids).size).toBe(2);
    expect(await deliveries(canceledOnly.endpoint.id, `?event=${event.id}`)).toEqual([]);
    expect(await deliveries(disabled.endpoint.id, `?event=${event.id}`)).toEqual([]);
  });

  it("retries a receiver that fails three times: four attempts, one webhook-id, fresh signatures, on the scaled schedule", async () => {
    const bigBody = "e".repeat(5000);
    const { path, endpoint } = await endpointAt(["checkout.session.created"], {
      script: [
        { status: 500, body: bigBody },
        { status: 502, body: bigBody },
        { status: 500, body: bigBody },
      ],
      fallback: { status: 204 },
    });
    const session = await createSession();
    const event = await eventOf(session.id, "checkout.session.created");
    const got = await received(path, event.id, 4);
    expect(got).toHaveLength(4);
    for (const r of got) {
      expect(r.verified).toBe(true);
      expect(r.webhookId).toBe(event.id);
      // Signed when sent, not when first queued.
      expect(Math.abs(Number(r.timestamp) - r.receivedAt / 1000)).toBeLessThan(3);
    }
    // Scaled by 0.001 with ±10 % jitter: 5 s → ~5 ms, 5 min → ~300 ms, 30 min → ~1.8 s.
    const gaps = got.slice(1).map((r, i) => r.receivedAt - got[i]!.receivedAt);
    expect(gaps[1]).toBeGreaterThanOrEqual(270);
    expect(gaps[2]).toBeGreaterThanOrEqual(1620);
    expect(gaps[2]).toBeGreaterThan(gaps[1]!);
    expect(Number(got[3]!.timestamp)).toBeGreaterThan(Number(got[0]!.timestamp));
    expect(got[3]!.signature).not.toBe(got[0]!.signature);

    const [delivery] = await waitFor(async () => {
      const list = await deliveries(endpoint.id);
      return list[0]?.status === "succeeded" ? list : undefined;
    });
    expect(delivery.attemptCount).toBe(4);
    expect(delivery.attempts.map((x: any) => x.responseStatus)).toEqual([204, 500, 502, 500]);
    expect(delivery.attempts[3]).toMatchObject({
      error: "Answered 500; only a 2xx status counts as delivered.",
      responseBody: "e".repeat(2048),
    });
    expect(delivery.attempts[0]).toMatchObject({ error: null, responseBody: "" });
    expect(await deliveries(endpoint.id, "?status=failed")).toEqual([]);
    expect((await deliveries(endpoint.id, `?event=${event.id}`)).map((d) => d.id)).toEqual([delivery.id]);
  });

  it("honours Retry-After on a 503", async () => {
    // 2000 s, scaled by 0.001: two seconds, far beyond the ~5 ms of the first step.
    const { path } = await endpointAt(["checkout.session.created"], {
      script: [{ status: 503, headers: { "retry-after": "2000" } }],
    });
    const session = await createSession();
    const event = await eventOf(session.id, "checkout.session.created");
    const got = await received(path, event.id, 2);
    expect(got[1]!.receivedAt - got[0]!.receivedAt).toBeGreaterThanOrEqual(1900);
  });

  it("disables an endpoint that answers 410 Gone", async () => {
    const { path, endpoint } = await endpointAt(["checkout.session.created"], { fallback: { status: 410 } });
    const session = await createSession();
    const event = await eventOf(session.id, "checkout.session.created");
    await received(path, event.id, 1);
    const disabled = await waitFor(async () => {
      const e = (await a.get(`/api/v1/webhook-endpoints/${endpoint.id}`)).body;
      return e.status === "disabled" ? e : undefined;
    });
    expect(disabled.disabledReason).toBe("The endpoint answered 410 Gone.");
    const [delivery] = await deliveries(endpoint.id);
    expect(delivery).toMatchObject({ status: "failed", attemptCount: 1, nextAttemptAt: null });
    expect(delivery.attempts[0]).toMatchObject({ responseStatus: 410, error: "Answered 410 Gone: the endpoint has been disabled." });

    // Disabled, it takes no new events; enabled again, it does.
    await createSession();
    expect(await deliveries(endpoint.id)).toHaveLength(1);
    const enabled = await a.request("PATCH", `/api/v1/webhook-endpoints/${endpoint.id}`, { body: { status: "enabled" } });
    expect(enabled.body).toMatchObject({ status: "enabled", disabledReason: null });
    await createSession();
    expect(await deliveries(endpoint.id)).toHaveLength(2);
  });

  it("counts a redirect as a failure and does not follow it", async () => {
    const { path, endpoint } = await endpointAt(["checkout.session.created"], {
      fallback: { status: 301, headers: { location: receiver.url("/moved-here") } },
    });
    await receiver.route("/moved-here", { secret: "whsec_" + Buffer.alloc(24, 1).toString("base64") });
    const session = await createSession();
    const event = await eventOf(session.id, "checkout.session.created");
    await received(path, event.id, 1);
    const [delivery] = await waitFor(async () => {
      const list = await deliveries(endpoint.id);
      return list[0]?.attemptCount >= 1 ? list : undefined;
    });
    expect(delivery.status).toBe("pending");
    expect(delivery.nextAttemptAt).not.toBeNull();
    expect(delivery.attempts.at(-1)).toMatchObject({
      responseStatus: 301,
      error: `Answered 301; redirects are not followed (Location: ${receiver.url("/moved-here")}). Use the final URL as the endpoint.`,
    });
    expect(await receiver.requests("/moved-here")).toEqual([]);
  });

  it("cuts off a receiver that hangs at the timeout", async () => {
    const { path, endpoint } = await endpointAt(["checkout.session.created"], { fallback: { hang: true } });
    const session = await createSession();
    const event = await eventOf(session.id, "checkout.session.created");
    await received(path, event.id, 1);
    const [delivery] = await waitFor(
      async () => {
        const list = await deliveries(endpoint.id);
        return list[0]?.attemptCount >= 1 ? list : undefined;
      },
      { timeoutMs: 10_000 },
    );
    const attempt = delivery.attempts.at(-1);
    expect(attempt).toMatchObject({ responseStatus: null, responseBody: null, error: "Timed out after 2000 ms." });
    expect(attempt.durationMs).toBeGreaterThanOrEqual(1990);
    expect(attempt.durationMs).toBeLessThan(5000);
    expect(delivery.status).toBe("pending");
  });

  it("resends an event to its endpoints with the same webhook-id", async () => {
    const first = await endpointAt(["checkout.session.created"]);
    const second = await endpointAt(["*"]);
    const other = await endpointAt(["payment.failed"]);
    const session = await createSession();
    const event = await eventOf(session.id, "checkout.session.created");
    await received(first.path, event.id, 1);
    await received(second.path, event.id, 1);

    const res = await a.post(`/api/v1/events/${event.id}/resend`, {});
    expect(res.status).toBe(200);
    expect(res.body.object).toBe("list");
    expect(res.body.data.map((d: any) => d.endpoint).sort()).toEqual([first.endpoint.id, second.endpoint.id].sort());
    expect(res.body.data[0]).toMatchObject({ event: event.id, status: "pending", attemptCount: 0, attempts: [] });
    const again = await received(first.path, event.id, 2);
    expect(again.every((r) => r.verified && r.webhookId === event.id)).toBe(true);
    await received(second.path, event.id, 2);

    const one = await a.post(`/api/v1/events/${event.id}/resend`, { endpoint: second.endpoint.id });
    expect(one.body.data.map((d: any) => d.endpoint)).toEqual([second.endpoint.id]);
    await received(second.path, event.id, 3);
    expect(await receiver.requests(other.path)).toEqual([]);
    expect((await deliveries(second.endpoint.id, `?event=${event.id}`)).length).toBe(3);

    const notSubscribed = await a.post(`/api/v1/events/${event.id}/resend`, { endpoint: other.endpoint.id });
    expect(notSubscribed.status).toBe(409);
    expect(notSubscribed.body.error.code).toBe("endpoint_not_subscribed");
    await a.request("PATCH", `/api/v1/webhook-endpoints/${first.endpoint.id}`, { body: { status: "disabled" } });
    const disabled = await a.post(`/api/v1/events/${event.id}/resend`, { endpoint: first.endpoint.id });
    expect(disabled.status).toBe(409);
    expect(disabled.body.error.code).toBe("endpoint_disabled");
    expect((await a.post(`/api/v1/events/evt_nosuchevent000000000000/resend`, {})).status).toBe(404);
    expect((await a.post(`/api/v1/events/${event.id}/resend`, { endpoint: "we_nosuchendpoint00000000" })).status).toBe(404);
  });
});
