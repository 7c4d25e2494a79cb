import type { Logger } from "pino";
import type { Database } from "@/db/client";
import { claimDueDeliveries, findEndpointsByIds, findEventsByIds } from "@/db/queries/webhooks";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { deliver, type DeliverySettings, type Job } from "./deliver";

export type WorkerOptions = DeliverySettings & {
  db: Database;
  /** Deliveries in flight at once in this process. */
  concurrency: number;
  /** How long an idle worker waits before looking for due deliveries again. */
  pollIntervalMs: number;
  log: Logger;
};

export type WebhookWorker = {
  /** Stops claiming, waits for the sends in flight and their records, then resolves. */
  stop(): Promise<void>;
  /** Deliveries this worker has attempted and recorded. */
  readonly attempted: number;
};

/** The worker's settings from the environment (WEBHOOK_*). */
export function webhookWorkerSettings() {
  const e = env();
  return {
    concurrency: e.WEBHOOK_CONCURRENCY,
    pollIntervalMs: e.WEBHOOK_POLL_INTERVAL_MS,
    timeoutMs: e.WEBHOOK_TIMEOUT_MS,
    timeScale: e.WEBHOOK_TIME_SCALE,
  };
}

/**
 * How long a claim holds a delivery: the longest a send may take, and twice that again as room
 * to record it (45 s in production). A worker that dies mid-send holds its deliveries this
 * long; then any worker (this one restarted, or another instance) takes them again.
 */
export function leaseMs(timeoutMs: number): number {
  return 3 * timeoutMs;
}

/**
 * The outbox worker. Any number may run against one database (in every server process and as
 * `npm run worker`): each claims due deliveries with FOR UPDATE SKIP LOCKED and a lease, sends
 * them outside any transaction, and records each result only while it still holds the lease.
 */
export function startWebhookWorker(opts: WorkerOptions): WebhookWorker {
  const { db, log } = opts;
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  let attempted = 0;
  let interrupt: (() => void) | null = null;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        interrupt = null;
        resolve();
      }
      interrupt = done;
    });

  async function claim(limit: number): Promise<Job[]> {
    const at = now();
    const claimed = await claimDueDeliveries(db, { at, limit, lockedUntil: new Date(at.getTime() + leaseMs(opts.timeoutMs)) });
    if (claimed.length === 0) return [];
    const [endpoints, events] = await Promise.all([
      findEndpointsByIds(db, [...new Set(claimed.map((d) => d.endpointId))]),
      findEventsByIds(db, [...new Set(claimed.map((d) => d.eventId))]),
    ]);
    const endpointById = new Map(endpoints.map((e) => [e.id, e]));
    const eventById = new Map(events.map((e) => [e.id, e]));
    return claimed.map((delivery) => ({
      delivery,
      endpoint: endpointById.get(delivery.endpointId),
      event: eventById.get(delivery.eventId),
    }));
  }

  async function run(job: Job): Promise<void> {
    const { delivery } = job;
    try {
      const r = await deliver(db, job, opts);
      if (r.recorded) attempted++;
      const fields = {
        deliveryId: delivery.id,
        eventId: delivery.eventId,
        endpointId: delivery.endpointId,
        attempt: delivery.attempts + 1,
        status: r.status,
        responseStatus: r.responseStatus,
        ms: r.durationMs,
      };
      if (!r.recorded) log.warn(fields, "webhook attempt not recorded: its lease ran out and another worker took it");
      else log.info(fields, "webhook attempt");
      if (r.endpointDisabled) log.warn({ endpointId: delivery.endpointId, reason: r.endpointDisabled }, "webhook endpoint disabled");
    } catch (err) {
      // The lease runs out and the delivery is tried again: at least once, never lost.
      log.error({ err, deliveryId: delivery.id }, "webhook delivery failed to run");
    }
  }

  /**
   * Free slots to claim for. Once one frees up, wait a moment (up to 20 ms) for others so that
   * one claim fills several: claiming for each slot as it frees would double the queries.
   */
  async function freeSlots(): Promise<number> {
    if (inFlight.size >= opts.concurrency) await Promise.race(inFlight);
    const enough = Math.ceil(opts.concurrency / 2);
    const until = Date.now() + 20;
    while (!stopping && inFlight.size > 0 && opts.concurrency - inFlight.size < enough && Date.now() < until) {
      await Promise.race([Promise.race(inFlight), new Promise((r) => setTimeout(r, until - Date.now()))]);
    }
    return opts.concurrency - inFlight.size;
  }

  async function loop() {
    while (!stopping) {
      const free = await freeSlots();
      if (stopping) break;
      let jobs: Job[];
      try {
        jobs = await claim(free);
      } catch (err) {
        log.error({ err }, "webhook claim failed");
        await pause(opts.pollIntervalMs);
        continue;
      }
      for (const job of jobs) {
        const p: Promise<void> = run(job).finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      // Fewer due than we could take: nothing else is waiting, look again later.
      if (jobs.length < free) await pause(opts.pollIntervalMs);
    }
  }

  const looping = loop();
  return {
    async stop() {
      stopping = true;
      interrupt?.();
      await looping;
      await Promise.allSettled([...inFlight]);
    },
    get attempted() {
      return attempted;
    },
  };
}
