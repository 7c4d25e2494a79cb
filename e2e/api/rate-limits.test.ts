// SPEC 6: payment attempts are limited per IP and per session, across instances when a
// shared store (Redis) is configured. Servers of their own, with small limits.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CARD, client, sessionBody } from "../support/api";
import { createMerchantViaCli, freshDatabase, startServer, type Database, type Server } from "../support/stack";

const LIMITS = { RATE_LIMIT_PAY_PER_IP: "6", RATE_LIMIT_PAY_PER_SESSION: "3", RATE_LIMIT_WINDOW_S: "60" };

async function redisUp(): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(6379, "127.0.0.1");
    s.once("connect", () => (s.end(), resolve(true)));
    s.once("error", () => resolve(false));
  });
}

describe("rate limits on paying", () => {
  let db: Database;
  const servers: Server[] = [];
  let key: string;
  let redis = false;

  beforeAll(async () => {
    db = await freshDatabase();
    key = (await createMerchantViaCli(db, "Limited Shop")).testKey;
    redis = await redisUp();
    // A fresh namespace, so that earlier runs sharing this Redis do not count.
    const shared: Record<string, string> = redis ? { REDIS_URL: "redis://127.0.0.1:6379", REDIS_KEY_PREFIX: `kassa-test-${Date.now()}-${process.pid}` } : {};
    servers.push(await startServer(db, { ...LIMITS, ...shared }));
    // Two instances need a database they can share: PostgreSQL.
    if (redis && db.url) servers.push(await startServer(db, { ...LIMITS, ...shared }));
  });
  afterAll(async () => {
    for (const s of servers) await s.stop();
    await db?.drop();
  });

  const newSession = async () => (await client(key, servers[0]!.url).post("/api/v1/checkout/sessions", sessionBody())).body.id as string;
  const payOn = (server: Server, id: string) => client(null, server.url).post(`/api/v1/checkout/${id}/pay`, CARD("4000000000000002"));

  it("answers 429 with Retry-After past the per-session limit, then the per-IP limit", async () => {
    const a = await newSession();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await payOn(servers.at(i % servers.length)!, a)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await payOn(servers[0]!, a);
    expect(limited.body.error).toMatchObject({ type: "rate_limited", code: "too_many_attempts" });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);

    // Five attempts so far from this address; the sixth passes, the seventh does not.
    const b = await newSession();
    expect((await payOn(servers[0]!, b)).status).toBe(200);
    expect((await payOn(servers.at(-1)!, b)).status).toBe(429);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)("shares the counts between instances through Redis", () => {
    expect(redis).toBe(true);
    expect(servers).toHaveLength(2);
  });
});
