import type { Database } from "@/db/client";
import type { Scope } from "@/db/queries/scope";
import type { EndpointChanges } from "@/db/queries/webhooks";
import { notFound } from "@/lib/errors";
import { assertEndpointUrlAllowed } from "./endpoint-url";
import { changeEndpoint, requireEndpoint } from "./endpoints";
import type { EndpointObject, UpdateEndpointInput } from "./schemas";
import { endpointToObject } from "./serialize";

export type UpdateEndpointOptions = { scope: Scope; id: string; input: UpdateEndpointInput; now: Date };

/**
 * Changes an endpoint. Enabling clears the reason Kassa disabled it for; disabling fails the
 * deliveries still waiting for it (an event can be sent again with POST /events/{id}/resend).
 */
export async function updateEndpointFields(db: Database, opts: UpdateEndpointOptions): Promise<EndpointObject> {
  const { scope, id, input, now } = opts;
  const before = await requireEndpoint(db, scope, id);
  if (input.url !== undefined) await assertEndpointUrlAllowed(input.url, scope.livemode);

  const changes: EndpointChanges = { updatedAt: now };
  if (input.url !== undefined) changes.url = input.url;
  if (input.events !== undefined) changes.events = input.events;
  if (input.description !== undefined) changes.description = input.description;
  if (input.status !== undefined && input.status !== before.status) {
    changes.status = input.status;
    changes.disabledReason = null;
  }

  const row = await changeEndpoint(db, scope, id, changes, "Not sent: the endpoint was disabled.");
  if (!row) throw notFound("webhook endpoint", id);
  return endpointToObject(row);
}
