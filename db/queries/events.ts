import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { events, mailMessages, webhookEndpoints } from "@/db/schema";
import { param, statement } from "@/db/statement";
import { BASE62 } from "@/lib/ids";
import { paginate, type PageParams } from "./pagination";
import type { Scope } from "./scope";
import { heardBy, subscribedTo } from "./webhooks";

export type EventRow = typeof events.$inferSelect;

/**
 * An event and its webhook outbox rows: one pending delivery, due at once, for each enabled
 * endpoint of the merchant and mode that takes this type. Delivery ids are
 * `deliveryIdPrefix` (the delivery prefix and 22 random base62 characters) plus two base62
 * characters counting the endpoints, so that the database can name as many as it finds.
 */
export type NewEvent = { row: EventRow; deliveryIdPrefix: string; mail?: NewMail | null };

/** The buyer's mail an event causes (lib/events/mail.ts), queued in the outbox with it. */
export type NewMail = Pick<MailRow, "id" | "kind" | "subjectId" | "sessionId" | "paymentId" | "recipient">;
export type MailRow = typeof mailMessages.$inferSelect;

/**
 * The `event` and `deliveries` parts of a WITH clause that writes a NewEvent (its values from
 * eventValues); with `when` (e.g. `exists (select from claim)`) only if it holds. Both inserts
 * are one statement with whatever else that statement writes: all of it commits or none, even
 * outside a transaction. The event's mail to the buyer, when it causes one, is queued the same
 * way: once per subject (a second receipt for one session is never queued).
 */
export function eventWrites(when?: SQL): SQL {
  const scope = { merchantId: param("eventMerchantId"), livemode: param("eventLivemode") };
  return sql`event as (
    insert into events (id, merchant_id, livemode, type, data, created_at)
    select ${param("eventId")}::text, ${scope.merchantId}::text, ${scope.livemode}::boolean, ${param("eventType")}::text,
      ${param("eventData")}::jsonb, ${param("eventAt")}::timestamptz
    ${when ? sql`where ${when}` : sql``}
    returning id, merchant_id, livemode, type, created_at
  ), deliveries as (
    insert into webhook_deliveries (id, event_id, endpoint_id, merchant_id, livemode, status, attempts, next_attempt_at, created_at)
    select ${param("eventDeliveryIdPrefix")}::text || substr(${BASE62}::text, (n / 62)::int + 1, 1) || substr(${BASE62}::text, (n % 62)::int + 1, 1),
      event.id, endpoint.id, event.merchant_id, event.livemode, 'pending', 0, event.created_at, event.created_at
    from event cross join (
      select ${webhookEndpoints.id} as id, row_number() over (order by ${webhookEndpoints.createdAt}, ${webhookEndpoints.id}) - 1 as n
      from ${webhookEndpoints}
      where ${subscribedTo(scope, param("eventHeardBy"))}
    ) endpoint
  ), mail as (
    insert into mail_messages (id, merchant_id, livemode, event_id, kind, subject_id, session_id, payment_id, recipient, status, attempts, next_attempt_at, created_at)
    select ${param("mailId")}::text, event.merchant_id, event.livemode, event.id, ${param("mailKind")}::text, ${param("mailSubjectId")}::text,
      ${param("mailSessionId")}::text, ${param("mailPaymentId")}::text, ${param("mailRecipient")}::text, 'pending', 0, event.created_at, event.created_at
    from event
    where ${param("mailKind")}::text is not null
    on conflict do nothing
  )`;
}

/** The values of eventWrites' parts. */
export function eventValues(e: NewEvent) {
  const { row } = e;
  return {
    eventId: row.id,
    eventMerchantId: row.merchantId,
    eventLivemode: row.livemode,
    eventType: row.type,
    eventData: JSON.stringify(row.data),
    eventAt: row.createdAt.toISOString(),
    eventDeliveryIdPrefix: e.deliveryIdPrefix,
    eventHeardBy: heardBy(row.type),
    mailId: e.mail?.id ?? null,
    mailKind: e.mail?.kind ?? null,
    mailSubjectId: e.mail?.subjectId ?? null,
    mailSessionId: e.mail?.sessionId ?? null,
    mailPaymentId: e.mail?.paymentId ?? null,
    mailRecipient: e.mail?.recipient ?? null,
  };
}

const insertEventStatement = statement(() => sql`with ${eventWrites()} select 1`);

/** Writes an event and its deliveries (see NewEvent) in one statement. */
export async function insertEvent(db: Database, e: NewEvent): Promise<void> {
  await insertEventStatement(db, eventValues(e));
}

export async function findEvent(db: Database, scope: Scope, id: string): Promise<EventRow | null> {
  const [row] = await db
    .select()
    .from(events)
    .where(and(eq(events.id, id), eq(events.merchantId, scope.merchantId), eq(events.livemode, scope.livemode)))
    .limit(1);
  return row ?? null;
}

export type ListEventsParams = Scope & PageParams & { type?: EventRow["type"] };

export async function listEvents(db: Database, p: ListEventsParams) {
  return paginate(p, events, (id) => findEvent(db, p, id), (page) =>
    db
      .select()
      .from(events)
      .where(
        and(
          eq(events.merchantId, p.merchantId),
          eq(events.livemode, p.livemode),
          p.type ? eq(events.type, p.type) : undefined,
          page.where,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(page.limit),
  );
}
