import type { Database } from "@/db/client";
import { insertEvent, type EventRow, type NewEvent } from "@/db/queries/events";
import { newId } from "@/lib/ids";
import { mailFor } from "./mail";
import type { EventType } from "./types";

export type RecordEventOptions = {
  merchantId: string;
  livemode: boolean;
  type: EventType;
  object: Record<string, unknown>;
  at: Date;
};

/** The event of a state change, ready to be written with its webhook deliveries and its mail. */
export function newEvent(opts: RecordEventOptions): NewEvent {
  return {
    row: {
      id: newId("event"),
      merchantId: opts.merchantId,
      livemode: opts.livemode,
      type: opts.type,
      data: { object: opts.object },
      createdAt: opts.at,
    },
    deliveryIdPrefix: newId("delivery", 22),
    mail: mailFor(opts.type, opts.object),
  };
}

/**
 * Writes the event of a state change, and its webhook deliveries, inside the transaction that
 * made the change: the change, the event and the deliveries commit together or not at all.
 * One statement, whatever the number of endpoints.
 */
export async function recordEvent(tx: Database, opts: RecordEventOptions): Promise<EventRow> {
  const event = newEvent(opts);
  await insertEvent(tx, event);
  return event.row;
}
