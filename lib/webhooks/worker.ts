import type { Logger } from "pino";
import type { Database } from "@/db/client";
import {
  claimDueDeliveries,
  findEndpointsByIds,
  findEventsByIds,
  releaseDeliveries,
  type DeliveryRow,
} from "@/db/queries/webhooks";
import { now, pauses } from "@/lib/clock";
import { env, webhookPrivateTargets } from "@/lib/env";
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
    privateTargets: webhookPrivateTargets(),
  };
}

/**
 * How long a claim holds a delivery: the longest a send may take, and room to record it even
 * on a starved process or a slow database (50 s in production). A worker that dies mid-send
 * holds its deliveries this long; then any worker (this one restarted, or another instance)
 * takes them again. One whose record comes later than this has its record dropped, and the
 * delivery is sent twice: at least once, as promised.
 */
export function leaseMs(timeoutMs: number): number {
  return 3 * timeoutMs + 5000;
}

/**
 * The outbox worker. Any number may run against one database (in every server process and as
 * `npm run worker`): each claims due deliveries with FOR UPDATE SKIP LOCKED and a lease, sends
 * them outside any transaction, and records each result only while it still holds the lease.
 */
export function startWebhookWorker(opts: WorkerOptions): WebhookWorker {
  const { db, log } = opts;
  const inFlight = new Set<Promise<void>>();
  // Deliveries in flight per endpoint, capped so that one slow endpoint (a receiver that hangs
  // until the timeout) cannot hold every slot while other merchants' events wait.
  const busy = new Map<string, number>();
  const fairShare = Math.max(1, Math.ceil(opts.concurrency / 4));
  const most = Math.max(1, opts.concurrency - fairShare);
  let stopping = false;
  let attempted = 0;
  const { pause, wake } = pauses();

  /**
   * Claims up to `limit` due deliveries. An endpoint gets its fair share of the slots while
   * others wait; when nobody else does, it may take the spare slots up to `most`, so that one
   * busy merchant is not throttled for nothing, and a few slots stay free for newcomers.
   */
  async function claim(limit: number): Promise<{ jobs: Job[]; more: boolean }> {
    const at = now();
    const lockedUntil = new Date(at.getTime() + leaseMs(opts.timeoutMs));
    const counts = new Map(busy);
    const atCap = (cap: number) => [...counts].filter(([, n]) => n >= cap).map(([id]) => id);
    const taken: DeliveryRow[] = [];
    const excess: DeliveryRow[] = [];
    const take = (rows: DeliveryRow[], cap: number) => {
      for (const d of rows) {
        const n = counts.get(d.endpointId) ?? 0;
        if (n >= cap || taken.length >= limit) excess.push(d);
        else {
          counts.set(d.endpointId, n + 1);
          taken.push(d);
        }
      }
    };

    const capped = atCap(fairShare);
    const first = await claimDueDeliveries(db, { at, limit, lockedUntil, skipEndpoints: capped });
    take(first, fairShare);
    let more = first.length === limit;
    if (!more && (excess.length > 0 || capped.length > 0)) {
      // Everything else due is in hand: the capped endpoints may use what is left.
      take(excess.splice(0), most);
      const spare = limit - taken.length;
      if (spare > 0 && capped.length > 0) {
        const second = await claimDueDeliveries(db, { at, limit: spare, lockedUntil, skipEndpoints: atCap(most) });
        take(second, most);
        more = second.length === spare;
      }
    }
    await releaseDeliveries(db, excess.map((d) => d.id), lockedUntil);
    if (taken.length === 0) return { jobs: [], more };

    const [endpoints, events] = await Promise.all([
      findEndpointsByIds(db, [...new Set(taken.map((d) => d.endpointId))]),
      findEventsByIds(db, [...new Set(taken.map((d) => d.eventId))]),
    ]);
    const endpointById = new Map(endpoints.map((e) => [e.id, e]));
    const eventById = new Map(events.map((e) => [e.id, e]));
    const jobs = taken.map((delivery) => ({
      delivery,
      endpoint: endpointById.get(delivery.endpointId),
      event: eventById.get(delivery.eventId),
    }));
    return { jobs, more };
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
      let batch: { jobs: Job[]; more: boolean };
      try {
        batch = await claim(free);
      } catch (err) {
        log.error({ err }, "webhook claim failed");
        await pause(opts.pollIntervalMs);
        continue;
      }
      for (const job of batch.jobs) {
        const endpointId = job.delivery.endpointId;
        busy.set(endpointId, (busy.get(endpointId) ?? 0) + 1);
        const p: Promise<void> = run(job).finally(() => {
          inFlight.delete(p);
          const n = busy.get(endpointId)! - 1;
          if (n > 0) busy.set(endpointId, n);
          else busy.delete(endpointId);
        });
        inFlight.add(p);
      }
      // Fewer due than we could take: nothing else is waiting, look again later.
      if (!batch.more) await pause(opts.pollIntervalMs);
    }
  }

  const looping = loop();
  return {
    async stop() {
      stopping = true;
      wake();
      await looping;
      await Promise.allSettled([...inFlight]);
    },
    get attempted() {
      return attempted;
    },
  };
}
