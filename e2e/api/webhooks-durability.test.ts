// Webhook durability on servers of its own (PGlite, or PostgreSQL with TEST_DATABASE_URL):
// a server killed with SIGKILL mid-delivery loses nothing, the standalone worker drains on
// SIGTERM, and an endpoint that fails for the whole (scaled) schedule is disabled.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, sessionBody } from "../support/api";
import { times } from "../support/parallel";
import { startReceiver, type Receiver } from "../support/receiver";
import { demoKeyFrom, freshDatabase, startServer, startWorker, type Database, type Server } from "../support/stack";
import { waitFor } from "../support/wait";

// 2·10⁻⁵: the whole three-day schedule takes about 5.4 s. A 1 s timeout makes the lease 8 s.
const SETTINGS = { WEBHOOK_TIME_SCALE: "0.00002", WEBHOOK_TIMEOUT_MS: "1000", WEBHOOK_CONCURRENCY: "8" };
const EVENTS = 200;

let db: Database;
let receiver: Receiver;
let server: Server | null = null;
let key: string;

beforeAll(async () => {
  [db, receiver] = await Promise.all([freshDatabase(), startReceiver()]);
});

afterAll(async () => {
  await server?.stop();
  await receiver?.stop();
  await db?.drop();
});

const distinct = async (path: string) => new Set((await receiver.requests(path)).map((r) => r.webhookId));

async function allPages(api: ReturnType<typeof client>, path: string): Promise<any[]> {
  const out: any[] = [];
  let after = "";
  for (;;) {
    const res = await api.get(`${path}${path.includes("?") ? "&" : "?"}limit=100${after ? `&startingAfter=${after}` : ""}`);
    expect(res.status).toBe(200);
    out.push(...res.body.data);
    if (!res.body.hasMore) return out;
    after = res.body.data.at(-1).id;
  }
}

describe("webhook durability", () => {
  it(`loses none of ${EVENTS} queued events when the server is killed mid-delivery`, async () => {
    // 1. Queue the events on a server that does not deliver.
    server = await startServer(db, { ...SETTINGS, WEBHOOK_WORKER: "0" });
    key = demoKeyFrom(server.output());
    let api = client(key, server.url);
    const created = await api.post("/api/v1/webhook-endpoints", { url: receiver.url("/crash"), events: ["checkout.session.created"] });
    expect(created.status).toBe(201);
    const endpointId = created.body.id;
    // Each answer takes 100 ms, so that a kill finds sends in flight.
    await receiver.route("/crash", { secret: created.body.secret, fallback: { status: 200, delayMs: 100 } });
    await times(EVENTS, 8, async () => expect((await api.post("/api/v1/checkout/sessions", sessionBody())).status).toBe(201));
    const eventIds = new Set((await allPages(api, "/api/v1/events?type=checkout.session.created")).map((e) => e.id));
    expect(eventIds.size).toBe(EVENTS);
    expect(await allPages(api, `/api/v1/webhook-endpoints/${endpointId}/deliveries?status=pending`)).toHaveLength(EVENTS);
    expect(await receiver.requests("/crash")).toEqual([]);

    // An embedded database serves one process: the standalone worker refuses while the server holds it.
    if (!db.url) {
      const refused = startWorker(db, SETTINGS);
      expect(await refused.exited).toBe(2);
      expect(refused.output()).toContain("is held by a running Kassa server");
    }
    await server.stop();

    // 2. The standalone worker delivers some, and on SIGTERM finishes what it has in flight.
    const worker = startWorker(db, SETTINGS);
    await waitFor(async () => ((await distinct("/crash")).size >= 20 ? true : undefined), { timeoutMs: 30_000, what: "the worker's first deliveries" });
    expect(await worker.stop("SIGTERM")).toBe(0);
    expect(worker.output()).toContain("kassa worker stopped");
    const afterWorker = (await distinct("/crash")).size;

    // 3. A server takes over, and is killed while the receiver holds several of its requests.
    server = await startServer(db, SETTINGS);
    await waitFor(
      async () => {
        const got = await receiver.requests("/crash");
        const inFlight = got.filter((r) => r.answeredAt === null).length;
        return new Set(got.map((r) => r.webhookId)).size >= afterWorker + 40 && inFlight >= 3 ? true : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 10, what: "deliveries in flight to kill" },
    );
    await server.stop("SIGKILL");
    const atKill = (await distinct("/crash")).size;
    expect(atKill).toBeLessThan(EVENTS);

    // 4. Started again, it delivers the rest, including what the killed process had claimed.
    const restarted = Date.now();
    server = await startServer(db, SETTINGS);
    api = client(key, server.url);
    const all = await waitFor(
      async () => {
        const got = await distinct("/crash");
        return got.size >= EVENTS ? got : undefined;
      },
      { timeoutMs: 60_000, what: `all ${EVENTS} events at the receiver` },
    );
    expect(all).toEqual(eventIds);
    await waitFor(async () =>
      (await api.get(`/api/v1/webhook-endpoints/${endpointId}/deliveries?status=pending`)).body.data.length === 0 ? true : undefined,
    );
    const requests = await receiver.requests("/crash");
    expect(requests.every((r) => r.verified)).toBe(true);
    // What the killed server had in flight was never recorded as delivered: it was sent again.
    expect(requests.length).toBeGreaterThan(EVENTS);
    const succeeded = await allPages(api, `/api/v1/webhook-endpoints/${endpointId}/deliveries?status=succeeded`);
    expect(succeeded).toHaveLength(EVENTS);
    console.log(
      `[webhooks] crash safety (${db.url ? "postgres" : "pglite"}): ${EVENTS} events, ${requests.length} requests ` +
        `(${requests.length - EVENTS} repeated after the kill); worker sent ${afterWorker}, killed server by ${atKill}; ` +
        `the restarted server finished in ${Date.now() - restarted} ms (boot included)`,
    );
  }, 240_000);

  it("disables an endpoint whose deliveries failed for the whole schedule", async () => {
    const api = client(key, server!.url);
    const created = await api.post("/api/v1/webhook-endpoints", { url: receiver.url("/down"), events: ["checkout.session.canceled"] });
    const endpointId = created.body.id;
    await receiver.route("/down", { secret: created.body.secret, fallback: { status: 500 } });
    const session = await api.post("/api/v1/checkout/sessions", sessionBody());
    expect((await api.post(`/api/v1/checkout/sessions/${session.body.id}/cancel`, {})).status).toBe(200);

    const endpoint = await waitFor(
      async () => {
        const e = (await api.get(`/api/v1/webhook-endpoints/${endpointId}`)).body;
        return e.status === "disabled" ? e : undefined;
      },
      { timeoutMs: 30_000, what: "the endpoint to be disabled" },
    );
    expect(endpoint.disabledReason).toMatch(/^Every delivery failed for the whole retry schedule \(10 attempts since /);
    const [delivery] = (await api.get(`/api/v1/webhook-endpoints/${endpointId}/deliveries`)).body.data;
    expect(delivery).toMatchObject({ status: "failed", attemptCount: 10, nextAttemptAt: null });
    expect(delivery.attempts.map((x: any) => x.responseStatus)).toEqual(Array(10).fill(500));

    const got = await receiver.requests("/down");
    expect(got).toHaveLength(10);
    expect(new Set(got.map((r) => r.webhookId)).size).toBe(1);
    expect(got.every((r) => r.verified)).toBe(true);
    // The later steps are long enough to measure: 2 h, 5 h, 10 h, 14 h, 20 h, 24 h at 2·10⁻⁵ (±10 %).
    const gaps = got.slice(1).map((r, i) => r.receivedAt - got[i]!.receivedAt);
    [144, 360, 720, 1008, 1440, 1728].forEach((ms, i) => expect(gaps[i + 3]).toBeGreaterThanOrEqual(ms * 0.9));
  }, 60_000);
});
