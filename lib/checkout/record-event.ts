import type { Database } from "@/db/client";
import { insertEvent, type EventRow } from "@/db/queries/events";
import { newId } from "@/lib/ids";
import { enqueueDeliveries } from "@/lib/webhooks/enqueue";

export const EVENT_TYPES = [
  "checkout.session.created",
  "checkout.session.pending",
  "checkout.session.paid",
  "checkout.session.failed",
  "checkout.session.expired",
  "checkout.session.canceled",
  "payment.pending",
  "payment.succeeded",
  "payment.failed",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export type RecordEventOptions = {
  merchantId: string;
  livemode: boolean;
  type: EventType;
  object: Record<string, unknown>;
  at: Date;
};

/**
 * Writes the event of a state change, and its webhook deliveries, inside the transaction that
 * made the change: the change, the event and the deliveries commit together or not at all.
 */
export async function recordEvent(tx: Database, opts: RecordEventOptions): Promise<EventRow> {
  const event = await insertEvent(tx, {
    id: newId("event"),
    merchantId: opts.merchantId,
    livemode: opts.livemode,
    type: opts.type,
    data: { object: opts.object },
    createdAt: opts.at,
  });
  await enqueueDeliveries(tx, event);
  return event;
}
