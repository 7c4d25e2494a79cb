import type { Database } from "@/db/client";
import { insertEvent, type EventRow } from "@/db/queries/events";
import { findSubscribedEndpoints } from "@/db/queries/webhooks";
import { newId } from "@/lib/ids";
import { enqueueDeliveries } from "@/lib/webhooks/enqueue";
import type { EventType } from "./event-types";

export { EVENT_TYPES, type EventType } from "./event-types";

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
  const scope = { merchantId: opts.merchantId, livemode: opts.livemode };
  // Neither needs the other: sent together, they cost one round trip on PostgreSQL.
  const [event, endpoints] = await Promise.all([
    insertEvent(tx, {
      id: newId("event"),
      ...scope,
      type: opts.type,
      data: { object: opts.object },
      createdAt: opts.at,
    }),
    findSubscribedEndpoints(tx, scope, opts.type),
  ]);
  await enqueueDeliveries(tx, event, endpoints);
  return event;
}
