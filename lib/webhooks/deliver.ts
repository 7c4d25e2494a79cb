import { Webhook } from "standardwebhooks";
import type { Database } from "@/db/client";
import type { EventRow } from "@/db/queries/events";
import {
  disableEndpointById,
  endpointSucceededSince,
  failIdleDeliveries,
  findEndpointsByIds,
  recordAttempt,
  type DeliveryRow,
  type DeliveryStatus,
  type EndpointRow,
} from "@/db/queries/webhooks";
import { eventToObject } from "@/lib/events/serialize";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { parseRetryAfter, retryDelayMs } from "./schedule";
import { sendWebhook, type SendResult } from "./send";
import type { Lookup, TargetRules } from "./ssrf";

export type DeliverySettings = {
  timeoutMs: number;
  /** Checked again at each send: the install's setting may have changed since the endpoint was saved. */
  privateTargets: TargetRules["privateTargets"];
  timeScale: number;
  lookup?: Lookup;
};

export type Job = { delivery: DeliveryRow; endpoint: EndpointRow | undefined; event: EventRow | undefined };

export type DeliveryResult = {
  status: DeliveryStatus;
  /** False when the lease ran out first and another worker owns the delivery now. */
  recorded: boolean;
  responseStatus: number | null;
  durationMs: number;
  endpointDisabled: string | null;
};

/** The Standard Webhooks headers for one attempt: a fresh timestamp and signature each time. */
export function signedHeaders(secret: string, eventId: string, body: string, at: Date): Record<string, string> {
  return {
    "webhook-id": eventId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(eventId, at, body),
  };
}

export type Outcome = { status: DeliveryStatus; nextAttemptAt: Date; disable: string | null; exhausted: boolean };

/** What an attempt's result means for its delivery (pure, so the rules can be read in one place). */
export function outcomeOf(result: SendResult, attempts: number, at: Date, scale: number, random?: () => number): Outcome {
  if (result.status !== null && result.status >= 200 && result.status < 300) {
    return { status: "succeeded", nextAttemptAt: at, disable: null, exhausted: false };
  }
  if (result.status === 410) {
    return { status: "failed", nextAttemptAt: at, disable: "The endpoint answered 410 Gone.", exhausted: false };
  }
  const delay = retryDelayMs({ attempts, scale, retryAfterMs: parseRetryAfter(result.retryAfter, at), random });
  if (delay === null) return { status: "failed", nextAttemptAt: at, disable: null, exhausted: true };
  return { status: "pending", nextAttemptAt: new Date(at.getTime() + delay), disable: null, exhausted: false };
}

/** Why a delivery to this endpoint must not be sent (deleted or turned off), or null. */
function notWanted(endpoint: EndpointRow | undefined): string | null {
  if (!endpoint || endpoint.deletedAt) return "Not sent: the endpoint was deleted.";
  if (endpoint.status !== "enabled") return "Not sent: the endpoint was disabled.";
  return null;
}

/**
 * Makes one attempt at a claimed delivery and records it. Sending happens outside any
 * transaction; the record is guarded by the lease.
 */
export async function deliver(db: Database, job: Job, settings: DeliverySettings): Promise<DeliveryResult> {
  const { delivery, endpoint, event } = job;
  const lease = delivery.lockedUntil!;
  const attemptedAt = now();

  // The endpoint may have been turned off after this delivery was queued.
  let skip = !event ? "Not sent: the event no longer exists." : notWanted(endpoint);
  let result: SendResult;
  if (skip || !endpoint || !event) {
    result = { status: null, body: null, durationMs: 0, error: skip, retryAfter: null };
  } else {
    const body = JSON.stringify(eventToObject(event));
    // The signature's timestamp is the wall clock the receiver checks against, never a test clock.
    const headers = signedHeaders(endpoint.secret, event.id, body, new Date());
    result = await sendWebhook({
      url: endpoint.url,
      livemode: endpoint.livemode,
      privateTargets: settings.privateTargets,
      headers,
      body,
      timeoutMs: settings.timeoutMs,
      lookup: settings.lookup,
      // Or since it was claimed: a 410 to another delivery of this batch turns the endpoint
      // off, and what is already claimed must stop too, not only what waits in the queue.
      stillWanted: async () => (skip = notWanted((await findEndpointsByIds(db, [endpoint.id]))[0])),
    });
  }

  const attempts = delivery.attempts + 1;
  const finishedAt = now();
  const outcome: Outcome = skip
    ? { status: "failed", nextAttemptAt: finishedAt, disable: null, exhausted: false }
    : outcomeOf(result, attempts, finishedAt, settings.timeScale);

  let disabled: string | null = null;
  const write = async (q: Database) => {
    const recorded = await recordAttempt(q, {
      deliveryId: delivery.id,
      lease,
      status: outcome.status,
      nextAttemptAt: outcome.nextAttemptAt,
      attempt: {
        id: newId("deliveryAttempt"),
        deliveryId: delivery.id,
        attemptedAt,
        responseStatus: result.status,
        durationMs: result.durationMs,
        responseBody: result.body,
        error: result.error,
      },
    });
    if (!recorded) return false;
    let reason = outcome.disable;
    // Failing for the whole schedule (about three days) with no success in between: turn it off.
    if (!reason && outcome.exhausted && !(await endpointSucceededSince(q, delivery.endpointId, delivery.createdAt))) {
      reason = `Every delivery failed for the whole retry schedule (${attempts} attempts since ${delivery.createdAt.toISOString()}).`;
    }
    if (reason && (await disableEndpointById(q, delivery.endpointId, reason, finishedAt))) {
      disabled = reason;
      await failIdleDeliveries(q, {
        endpointId: delivery.endpointId,
        at: finishedAt,
        error: `Not sent: the endpoint was disabled. ${reason}`,
        newAttemptId: () => newId("deliveryAttempt"),
      });
    }
    return true;
  };
  // The common case is one statement; turning the endpoint off goes with its record, or not at all.
  const recorded = outcome.disable || outcome.exhausted ? await db.transaction(write) : await write(db);

  return {
    status: outcome.status,
    recorded,
    responseStatus: result.status,
    durationMs: result.durationMs,
    endpointDisabled: disabled,
  };
}
