import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { claimDueDeliveries, findEndpointsByIds, findEventsByIds, listAttempts } from "@/db/queries/webhooks";
import { webhookDeliveries } from "@/db/schema";
import { recordEvent } from "@/lib/events/record";
import { createMerchant } from "@/lib/merchants/create-merchant";
import { freshDatabase, type Database as TestDatabase } from "@/e2e/support/stack";
import { createEndpoint } from "./create-endpoint";
import { deliver } from "./deliver";

// A 410 turns the endpoint off; deliveries for it that a worker has already claimed must
// stop too. On PGlite, and on PostgreSQL when TEST_DATABASE_URL is set; the receiver is on
// loopback, which test endpoints may target here.
process.env.WEBHOOK_PRIVATE_TARGETS ??= "test";

let testDb: TestDatabase;
let handle: DatabaseHandle;
let server: http.Server;
let url: string;
let requests = 0;

beforeAll(async () => {
  testDb = await freshDatabase();
  handle = await openDatabase({ url: testDb.url ?? "", dataDir: testDb.dataDir });
  server = http.createServer((req, res) => {
    requests++;
    req.resume();
    req.on("end", () => res.writeHead(410).end("gone"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
}, 60_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  await handle?.close();
  await testDb?.drop();
});

describe("an endpoint that answers 410", () => {
  it("stops the deliveries already claimed for it, and those still queued", async () => {
    const { merchant } = await createMerchant(handle.db, { name: "Gone Shop" });
    const scope = { merchantId: merchant.id, livemode: false };
    const endpoint = await createEndpoint(handle.db, { scope, input: { url, events: ["*"], status: "enabled" }, now: new Date() });
    for (let i = 0; i < 3; i++) {
      await handle.db.transaction((tx) => recordEvent(tx, { ...scope, type: "checkout.session.created", object: { id: `cs_test_gone_${i}` }, at: new Date() }));
    }
    // A worker claims two of the three in one batch, with the endpoint as it then was (enabled).
    const at = new Date();
    const claimed = await claimDueDeliveries(handle.db, { at, limit: 2, lockedUntil: new Date(at.getTime() + 60_000) });
    expect(claimed).toHaveLength(2);
    const [snapshot] = await findEndpointsByIds(handle.db, [endpoint.id]);
    const events = await findEventsByIds(handle.db, claimed.map((d) => d.eventId));
    const jobs = claimed.map((delivery) => ({ delivery, endpoint: snapshot, event: events.find((e) => e.id === delivery.eventId) }));
    const settings = { timeoutMs: 2000, timeScale: 0.001, privateTargets: "test" as const };

    const first = await deliver(handle.db, jobs[0]!, settings);
    expect(first).toMatchObject({ status: "failed", responseStatus: 410, endpointDisabled: "The endpoint answered 410 Gone." });
    const second = await deliver(handle.db, jobs[1]!, settings);
    expect(second).toMatchObject({ status: "failed", recorded: true, responseStatus: null });
    expect(requests).toBe(1);

    const [attempt] = await listAttempts(handle.db, [claimed[1]!.id]);
    expect(attempt).toMatchObject({ responseStatus: null, error: "Not sent: the endpoint was disabled." });
    const rows = await handle.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(rows.map((r) => r.status)).toEqual(["failed", "failed", "failed"]);
    // Not retried: nothing of this endpoint is left to claim.
    const queued = rows.find((r) => !claimed.some((c) => c.id === r.id))!;
    const [idle] = await listAttempts(handle.db, [queued.id]);
    expect(idle!.error).toMatch(/^Not sent: the endpoint was disabled\./);
    const later = await claimDueDeliveries(handle.db, { at: new Date(Date.now() + 86_400_000), limit: 100, lockedUntil: new Date(Date.now() + 86_460_000) });
    expect(later.filter((d) => rows.some((r) => r.id === d.id))).toEqual([]);
  });
});
