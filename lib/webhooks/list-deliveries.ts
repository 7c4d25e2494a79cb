import type { Database } from "@/db/client";
import type { PageParams } from "@/db/queries/pagination";
import type { Scope } from "@/db/queries/scope";
import { listAttempts, listDeliveries, type DeliveryStatus } from "@/db/queries/webhooks";
import { notFound } from "@/lib/errors";
import { requireEndpoint } from "./endpoints";
import { deliveryToObject } from "./serialize";

export type ListDeliveriesOptions = Scope & PageParams & { endpointId: string; status?: DeliveryStatus; event?: string };

/** An endpoint's deliveries, newest first, each with its attempts: what was sent, what came back. */
export async function listDeliveryObjects(db: Database, opts: ListDeliveriesOptions) {
  const { event, ...params } = opts;
  await requireEndpoint(db, opts, opts.endpointId);
  const page = await listDeliveries(db, { ...params, eventId: event });
  if (!page) throw notFound("webhook delivery", opts.startingAfter ?? opts.endingBefore ?? "");
  const attempts = await listAttempts(db, page.data.map((d) => d.id));
  return { object: "list" as const, data: page.data.map((d) => deliveryToObject(d, attempts)), hasMore: page.hasMore };
}
