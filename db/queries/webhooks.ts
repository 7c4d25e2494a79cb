import { and, arrayOverlaps, asc, count, desc, eq, getTableColumns, gte, inArray, isNull, lt, lte, notInArray, or, sql, type SQLWrapper } from "drizzle-orm";
import type { Database } from "@/db/client";
import { events, webhookAttempts, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { paginate, type PageParams } from "./pagination";
import type { Scope } from "./scope";

export type EndpointRow = typeof webhookEndpoints.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export type AttemptRow = typeof webhookAttempts.$inferSelect;
export type EndpointStatus = EndpointRow["status"];
export type DeliveryStatus = DeliveryRow["status"];
type EventType = (typeof events.$inferSelect)["type"];

/** A scope whose values may also be a statement's params (see db/statement.ts). */
type ScopeOrParams = { merchantId: string | SQLWrapper; livemode: boolean | SQLWrapper };

const inScope = (scope: ScopeOrParams) =>
  and(
    eq(webhookEndpoints.merchantId, scope.merchantId),
    eq(webhookEndpoints.livemode, scope.livemode),
    isNull(webhookEndpoints.deletedAt),
  );

// ---- Endpoints (the merchant API: always scoped by merchant and mode) ----

export async function insertEndpoint(db: Database, row: typeof webhookEndpoints.$inferInsert): Promise<EndpointRow> {
  const [inserted] = await db.insert(webhookEndpoints).values(row).returning();
  return inserted!;
}

/** An endpoint of this merchant and mode that has not been deleted, or null. */
export async function findEndpoint(db: Database, scope: Scope, id: string): Promise<EndpointRow | null> {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), inScope(scope)))
    .limit(1);
  return row ?? null;
}

export async function countEndpoints(db: Database, scope: Scope): Promise<number> {
  const [row] = await db.select({ n: count() }).from(webhookEndpoints).where(inScope(scope));
  return row?.n ?? 0;
}

export type ListEndpointsParams = Scope & PageParams & { status?: EndpointStatus };

export async function listEndpoints(db: Database, p: ListEndpointsParams) {
  return paginate(p, webhookEndpoints, (id) => findEndpoint(db, p, id), (page) =>
    db
      .select()
      .from(webhookEndpoints)
      .where(and(inScope(p), p.status ? eq(webhookEndpoints.status, p.status) : undefined, page.where))
      .orderBy(...page.orderBy)
      .limit(page.limit),
  );
}

export type EndpointChanges = Partial<
  Pick<EndpointRow, "url" | "events" | "description" | "status" | "disabledReason" | "deletedAt">
> & { updatedAt: Date };

export async function updateEndpoint(
  db: Database,
  scope: Scope,
  id: string,
  changes: EndpointChanges,
): Promise<EndpointRow | null> {
  const [row] = await db
    .update(webhookEndpoints)
    .set(changes)
    .where(and(eq(webhookEndpoints.id, id), inScope(scope)))
    .returning();
  return row ?? null;
}

/** The event types an endpoint hears an event of this type by: the type itself, or every type. */
export const heardBy = (type: EventType): EndpointRow["events"] => ["*", type];

/**
 * Which endpoints hear an event: enabled ones of its merchant and mode that take its type (or
 * every type). `type` may be a statement's param, whose value is then heardBy(type).
 */
export const subscribedTo = (scope: ScopeOrParams, type: EventType | SQLWrapper) =>
  and(inScope(scope), eq(webhookEndpoints.status, "enabled"), arrayOverlaps(webhookEndpoints.events, typeof type === "string" ? heardBy(type) : type))!;

/** The endpoints that hear an event of this type, oldest first. */
export async function findSubscribedEndpoints(db: Database, scope: Scope, type: EventType): Promise<EndpointRow[]> {
  return db
    .select()
    .from(webhookEndpoints)
    .where(subscribedTo(scope, type))
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
}

// ---- Deliveries seen by the merchant ----

export async function insertDeliveries(db: Database, rows: (typeof webhookDeliveries.$inferInsert)[]): Promise<DeliveryRow[]> {
  if (rows.length === 0) return [];
  return db.insert(webhookDeliveries).values(rows).returning();
}

export type DeliveryWithType = DeliveryRow & { eventType: string };

const deliveryWithType = { ...getTableColumns(webhookDeliveries), eventType: events.type };

async function findDelivery(db: Database, scope: Scope, endpointId: string, id: string): Promise<DeliveryRow | null> {
  const [row] = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.id, id),
        eq(webhookDeliveries.endpointId, endpointId),
        eq(webhookDeliveries.merchantId, scope.merchantId),
        eq(webhookDeliveries.livemode, scope.livemode),
      ),
    )
    .limit(1);
  return row ?? null;
}

export type ListDeliveriesParams = Scope &
  PageParams & { endpointId: string; status?: DeliveryStatus; eventId?: string };

/** An endpoint's deliveries, newest first, with the event type of each. */
export async function listDeliveries(db: Database, p: ListDeliveriesParams) {
  return paginate(p, webhookDeliveries, (id) => findDelivery(db, p, p.endpointId, id), (page): Promise<DeliveryWithType[]> =>
    db
      .select(deliveryWithType)
      .from(webhookDeliveries)
      .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
      .where(
        and(
          eq(webhookDeliveries.endpointId, p.endpointId),
          eq(webhookDeliveries.merchantId, p.merchantId),
          eq(webhookDeliveries.livemode, p.livemode),
          p.status ? eq(webhookDeliveries.status, p.status) : undefined,
          p.eventId ? eq(webhookDeliveries.eventId, p.eventId) : undefined,
          page.where,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(page.limit),
  );
}

/** The attempts of these deliveries, newest first. */
export async function listAttempts(db: Database, deliveryIds: string[]): Promise<AttemptRow[]> {
  if (deliveryIds.length === 0) return [];
  return db
    .select()
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.deliveryId, deliveryIds))
    .orderBy(desc(webhookAttempts.attemptedAt), desc(webhookAttempts.id));
}

// ---- The worker's side: across every merchant, by the ids it claimed ----

export type ClaimParams = {
  at: Date;
  limit: number;
  lockedUntil: Date;
  /** Endpoints this worker already has enough deliveries in flight for. */
  skipEndpoints?: string[];
};

/**
 * Claims due deliveries for one worker: the rows are locked with FOR UPDATE SKIP LOCKED (so
 * concurrent claimers take disjoint rows) and leased until `lockedUntil` in the same
 * statement. A worker that dies leaves its lease to run out; the rows are then due again.
 */
export async function claimDueDeliveries(db: Database, p: ClaimParams): Promise<DeliveryRow[]> {
  const due = db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.status, "pending"),
        lte(webhookDeliveries.nextAttemptAt, p.at),
        or(isNull(webhookDeliveries.lockedUntil), lt(webhookDeliveries.lockedUntil, p.at)),
        p.skipEndpoints?.length ? notInArray(webhookDeliveries.endpointId, p.skipEndpoints) : undefined,
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(p.limit)
    .for("update", { skipLocked: true });
  return db
    .update(webhookDeliveries)
    .set({ lockedUntil: p.lockedUntil })
    .where(inArray(webhookDeliveries.id, due))
    .returning();
}

/** Gives claimed deliveries back unsent, due as they were, if the lease is still ours. */
export async function releaseDeliveries(db: Database, ids: string[], lease: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(webhookDeliveries)
    .set({ lockedUntil: null })
    .where(
      and(inArray(webhookDeliveries.id, ids), eq(webhookDeliveries.status, "pending"), eq(webhookDeliveries.lockedUntil, lease)),
    );
}

export async function findEndpointsByIds(db: Database, ids: string[]): Promise<EndpointRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(webhookEndpoints).where(inArray(webhookEndpoints.id, ids));
}

export async function findEventsByIds(db: Database, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(events).where(inArray(events.id, ids));
}

export type AttemptOutcome = {
  deliveryId: string;
  /** The lease the worker claimed with: only its holder may record the outcome. */
  lease: Date;
  status: DeliveryStatus;
  nextAttemptAt: Date;
  attempt: typeof webhookAttempts.$inferInsert;
};

/**
 * Records one attempt and the delivery's new state, if the caller still holds the lease: a
 * worker whose lease ran out (and whose delivery another worker took over) changes nothing.
 * One statement (the attempt is inserted from the UPDATE's RETURNING), so it needs no
 * transaction and costs one round trip: it runs once per delivery.
 */
export async function recordAttempt(db: Database, o: AttemptOutcome): Promise<boolean> {
  const a = o.attempt;
  const updated = db.$with("updated").as(
    db
      .update(webhookDeliveries)
      .set({
        status: o.status,
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        nextAttemptAt: o.nextAttemptAt,
        lockedUntil: null,
        lastAttemptAt: a.attemptedAt,
      })
      .where(
        and(
          eq(webhookDeliveries.id, o.deliveryId),
          eq(webhookDeliveries.status, "pending"),
          eq(webhookDeliveries.lockedUntil, o.lease),
        ),
      )
      .returning({ id: webhookDeliveries.id }),
  );
  // In the table's column order: the insert takes the select's columns by position.
  const rows = await db
    .with(updated)
    .insert(webhookAttempts)
    .select(
      db
        .select({
          id: sql`${a.id}::text`.as("id"),
          deliveryId: updated.id,
          attemptedAt: sql`${a.attemptedAt.toISOString()}::timestamptz`.as("attempted_at"),
          responseStatus: sql`${a.responseStatus ?? null}::integer`.as("response_status"),
          durationMs: sql`${a.durationMs}::integer`.as("duration_ms"),
          responseBody: sql`${a.responseBody ?? null}::text`.as("response_body"),
          error: sql`${a.error ?? null}::text`.as("error"),
        })
        .from(updated),
    )
    .returning({ deliveryId: webhookAttempts.deliveryId });
  return rows.length > 0;
}

/** Turns an enabled endpoint off; null when it was already disabled or deleted. */
export async function disableEndpointById(db: Database, id: string, reason: string, at: Date): Promise<EndpointRow | null> {
  const [row] = await db
    .update(webhookEndpoints)
    .set({ status: "disabled", disabledReason: reason, updatedAt: at })
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.status, "enabled"), isNull(webhookEndpoints.deletedAt)))
    .returning();
  return row ?? null;
}

/** Whether any delivery to the endpoint succeeded at or after `since`. */
export async function endpointSucceededSince(db: Database, endpointId: string, since: Date): Promise<boolean> {
  const [row] = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.endpointId, endpointId),
        eq(webhookDeliveries.status, "succeeded"),
        gte(webhookDeliveries.lastAttemptAt, since),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Fails the endpoint's pending deliveries that no worker holds, each with an attempt that
 * says why nothing was sent. Held ones fail when their worker next finds the endpoint off.
 */
export async function failIdleDeliveries(
  db: Database,
  p: { endpointId: string; at: Date; error: string; newAttemptId: () => string },
): Promise<number> {
  const failed = await db
    .update(webhookDeliveries)
    .set({ status: "failed", lockedUntil: null, lastAttemptAt: p.at })
    .where(
      and(
        eq(webhookDeliveries.endpointId, p.endpointId),
        eq(webhookDeliveries.status, "pending"),
        or(isNull(webhookDeliveries.lockedUntil), lt(webhookDeliveries.lockedUntil, p.at)),
      ),
    )
    .returning({ id: webhookDeliveries.id });
  for (let i = 0; i < failed.length; i += 500) {
    await db.insert(webhookAttempts).values(
      failed.slice(i, i + 500).map((d) => ({
        id: p.newAttemptId(),
        deliveryId: d.id,
        attemptedAt: p.at,
        responseStatus: null,
        durationMs: 0,
        responseBody: null,
        error: p.error,
      })),
    );
  }
  return failed.length;
}
