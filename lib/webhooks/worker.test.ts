import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq, inArray } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { claimDueDeliveries, recordAttempt } from "@/db/queries/webhooks";
import { webhookDeliveries } from "@/db/schema";
import { recordEvent } from "@/lib/events/record";
import type { EventType } from "@/lib/events/types";
import { createMerchant } from "@/lib/merchants/create-merchant";
import { createEndpoint } from "./create-endpoint";
import { deleteEndpoint } from "./delete-endpoint";
import type { CreateEndpointInput } from "./schemas";
import { startWebhookWorker, type WorkerOptions } from "./worker";

// The worker against a real (in-memory) PGlite and real HTTP receivers on loopback ports.
let handle: DatabaseHandle;
const servers: http.Server[] = [];

beforeAll(async () => {
  handle = await openDatabase({ url: "memory://", dataDir: "" });
}, 60_000);

afterAll(async () => {
  for (const s of servers) s.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  await handle.close();
});

type Receiver = { url: string; ids: string[]; open: () => number; maxOpen: () => number };

/** A receiver that records webhook-ids and answers 200, or never answers. */
async function receiver(mode: "ok" | "hang"): Promise<Receiver> {
  const ids: string[] = [];
  let open = 0;
  let maxOpen = 0;
  const server = http.createServer((req, res) => {
    open++;
    maxOpen = Math.max(maxOpen, open);
    res.on("close", () => open--);
    ids.push(String(req.headers["webhook-id"]));
    req.resume();
    if (mode === "ok") req.on("end", () => res.writeHead(200).end("ok"));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, ids, open: () => open, maxOpen: () => maxOpen };
}

async function merchantWith(endpoints: { url: string; events: CreateEndpointInput["events"] }[]) {
  const { merchant } = await createMerchant(handle.db, { name: "Worker test" });
  const scope = { merchantId: merchant.id, livemode: false };
  const ids: string[] = [];
  for (const e of endpoints) {
    const created = await createEndpoint(handle.db, { scope, input: { url: e.url, events: e.events, status: "enabled" }, now: new Date() });
    ids.push(created.id);
  }
  return {
    scope,
    endpoints: ids,
    async emit(type: EventType, n = 1) {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const event = await handle.db.transaction((tx) =>
          recordEvent(tx, { ...scope, type, object: { id: `cs_test_${type}_${i}` }, at: new Date() }),
        );
        ids.push(event.id);
      }
      return ids;
    },
  };
}

const worker = (overrides: Partial<WorkerOptions> = {}) =>
  startWebhookWorker({
    db: handle.db,
    concurrency: 8,
    pollIntervalMs: 10,
    timeoutMs: 1000,
    timeScale: 0.001,
    privateTargets: "test",
    log: pino({ level: "silent" }),
    ...overrides,
  });

async function until(check: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("webhook worker", () => {
  it("shares the slots fairly between endpoints while both have deliveries waiting", async () => {
    const one = await receiver("hang");
    const two = await receiver("hang");
    const m = await merchantWith([
      { url: one.url, events: ["payment.pending"] },
      { url: two.url, events: ["checkout.session.pending"] },
    ]);
    await m.emit("payment.pending", 10);
    await m.emit("checkout.session.pending", 10);
    const w = worker({ concurrency: 8 });
    try {
      await until(() => one.open() + two.open() === 8);
      // Two each while both wait (the fair share), then the spare slots: never more than six.
      expect(Math.max(one.maxOpen(), two.maxOpen())).toBeLessThanOrEqual(6);
      expect(Math.min(one.open(), two.open())).toBeGreaterThanOrEqual(2);
    } finally {
      await deleteEndpoint(handle.db, m.scope, m.endpoints[0]!, new Date());
      await deleteEndpoint(handle.db, m.scope, m.endpoints[1]!, new Date());
      await w.stop();
    }
  }, 15_000);

  it("gives each delivery to one of several workers sharing the database", async () => {
    const fast = await receiver("ok");
    const m = await merchantWith([{ url: fast.url, events: ["checkout.session.created"] }]);
    const sent = await m.emit("checkout.session.created", 60);
    // A long timeout, so a starved test machine cannot outlast a lease (that would be a resend).
    const workers = [worker({ timeoutMs: 10_000 }), worker({ timeoutMs: 10_000 }), worker({ timeoutMs: 10_000 })];
    try {
      await until(() => new Set(fast.ids).size === sent.length, 20_000);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    expect(fast.ids.slice().sort()).toEqual(sent.slice().sort());
    expect(workers.filter((w) => w.attempted > 0).length).toBeGreaterThan(1);
  }, 30_000);

  it("keeps a quarter of the slots from an endpoint that hangs, for the others", async () => {
    const hang = await receiver("hang");
    const fast = await receiver("ok");
    const m = await merchantWith([
      { url: hang.url, events: ["payment.failed"] },
      { url: fast.url, events: ["payment.succeeded"] },
    ]);
    await m.emit("payment.failed", 12);
    const w = worker({ concurrency: 8 });
    try {
      // Alone, it may use the spare slots: six of eight.
      await until(() => hang.open() === 6);
      const started = Date.now();
      const [paid] = await m.emit("payment.succeeded");
      // Delivered while the hanging endpoint still holds its six slots, long before its timeout.
      await until(() => fast.ids.includes(paid!), 900);
      expect(Date.now() - started).toBeLessThan(900);
      expect(hang.maxOpen()).toBe(6);
    } finally {
      await deleteEndpoint(handle.db, m.scope, m.endpoints[0]!, new Date());
      await w.stop();
    }
  }, 15_000);

  it("sends again a delivery whose lease ran out, and ignores the late record of the first holder", async () => {
    const fast = await receiver("ok");
    const m = await merchantWith([{ url: fast.url, events: ["checkout.session.expired"] }]);
    const [eventId] = await m.emit("checkout.session.expired");
    // A worker claims it and dies: its lease runs out 50 ms later.
    const at = new Date();
    const claimed = await claimDueDeliveries(handle.db, { at, limit: 100, lockedUntil: new Date(at.getTime() + 50) });
    const stale = claimed.find((d) => d.eventId === eventId);
    expect(stale).toBeDefined();
    const w = worker();
    await until(() => fast.ids.includes(eventId!));
    await w.stop();
    const late = await recordAttempt(handle.db, {
      deliveryId: stale!.id,
      lease: stale!.lockedUntil!,
      status: "failed",
      nextAttemptAt: new Date(),
      attempt: { id: "wha_late", deliveryId: stale!.id, attemptedAt: new Date(), durationMs: 1, error: "late" },
    });
    expect(late).toBe(false);
    const [row] = await handle.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, stale!.id));
    expect(row).toMatchObject({ status: "succeeded", attempts: 1 });
  });

  it("drains what it has in flight when stopped", async () => {
    let requests = 0;
    const slow = http.createServer((req, res) => {
      requests++;
      req.resume();
      setTimeout(() => res.writeHead(200).end(), 200);
    });
    servers.push(slow);
    await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
    const m = await merchantWith([
      { url: `http://127.0.0.1:${(slow.address() as AddressInfo).port}/`, events: ["checkout.session.failed"] },
    ]);
    const sent = await m.emit("checkout.session.failed", 4);
    const w = worker();
    await until(() => requests === 4);
    await w.stop();
    // Stopped while all four waited for their answers: each was still recorded as delivered.
    const rows = await handle.db.select().from(webhookDeliveries).where(inArray(webhookDeliveries.eventId, sent));
    expect(rows.map((d) => d.status)).toEqual(["succeeded", "succeeded", "succeeded", "succeeded"]);
  });
});
