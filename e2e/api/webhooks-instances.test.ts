// Two app instances on one PostgreSQL database share the webhook work: SKIP LOCKED and the
// lease give each delivery to exactly one of them. Needs TEST_DATABASE_URL.
import { afterAll, describe, expect, it } from "vitest";
import { client, sessionBody } from "../support/api";
import { times } from "../support/parallel";
import { startReceiver, type Receiver } from "../support/receiver";
import { demoKeyFrom, freshDatabase, startServer, type Database, type Server } from "../support/stack";
import { waitFor } from "../support/wait";

const EVENTS = 500;
let db: Database | undefined;
let receiver: Receiver | undefined;
const servers: Server[] = [];

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await receiver?.stop();
  await db?.drop();
});

const attemptsLogged = (s: Server) => s.output().split("\n").filter((l) => l.includes('"msg":"webhook attempt"')).length;

describe.skipIf(!process.env.TEST_DATABASE_URL)("two app instances on one PostgreSQL database", () => {
  it(`deliver each of ${EVENTS} events exactly once`, async () => {
    [db, receiver] = await Promise.all([freshDatabase("postgres"), startReceiver()]);
    // One after the other, so that only the first creates the demo merchant.
    servers.push(await startServer(db));
    servers.push(await startServer(db));
    const [one, two] = servers.map((s) => client(demoKeyFrom(servers[0]!.output()), s.url));

    const created = await one!.post("/api/v1/webhook-endpoints", { url: receiver.url("/shared"), events: ["checkout.session.created"] });
    expect(created.status).toBe(201);
    await receiver.route("/shared", { secret: created.body.secret, fallback: { status: 200 } });

    const started = Date.now();
    const sessions = await times(EVENTS, 10, async (i) => {
      const res = await (i % 2 ? two! : one!).post("/api/v1/checkout/sessions", sessionBody());
      expect(res.status).toBe(201);
      return res.body.id as string;
    });
    const createdIn = Date.now() - started;

    const got = await waitFor(
      async () => {
        const list = await receiver!.requests("/shared");
        return new Set(list.map((r) => r.webhookId)).size >= EVENTS ? list : undefined;
      },
      { timeoutMs: 60_000, what: `all ${EVENTS} events at the receiver` },
    );
    const deliveredIn = Math.max(...got.map((r) => r.receivedAt)) - started;
    // Let any duplicate that was still on its way arrive before counting.
    await waitFor(async () =>
      (await one!.get(`/api/v1/webhook-endpoints/${created.body.id}/deliveries?status=pending`)).body.data.length === 0 ? true : undefined,
    );
    const final = await receiver.requests("/shared");

    expect(final).toHaveLength(EVENTS);
    expect(new Set(final.map((r) => r.webhookId)).size).toBe(EVENTS);
    expect(new Set(final.map((r) => r.objectId))).toEqual(new Set(sessions));
    expect(final.every((r) => r.verified)).toBe(true);
    const perInstance = servers.map(attemptsLogged);
    expect(perInstance[0]! + perInstance[1]!).toBe(EVENTS);
    expect(Math.min(...perInstance)).toBeGreaterThan(0);
    console.log(
      `[webhooks] two instances (postgres): ${EVENTS} events delivered exactly once, split ${perInstance.join("/")}; ` +
        `created in ${createdIn} ms, all delivered ${deliveredIn} ms after the first request ` +
        `(${Math.round((EVENTS * 1000) / deliveredIn)} events/s end to end)`,
    );
  }, 180_000);
});
