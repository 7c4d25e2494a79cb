import { randomBytes } from "node:crypto";
import { withTransaction, type Database } from "@/db/client";
import { lockMerchant } from "@/db/queries/merchants";
import { countEndpoints, insertEndpoint } from "@/db/queries/webhooks";
import type { Scope } from "@/db/queries/scope";
import { validationError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { assertEndpointUrlAllowed } from "./endpoint-url";
import { MAX_ENDPOINTS, type CreateEndpointInput } from "./schemas";
import { endpointToObject } from "./serialize";

export type CreateEndpointOptions = { scope: Scope; input: CreateEndpointInput; now: Date };

/** A Standard Webhooks secret: `whsec_` and the base64 of 32 random bytes (256 bits). */
export function newEndpointSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** Registers an endpoint; the response is the only place its secret is ever shown. */
export async function createEndpoint(db: Database, opts: CreateEndpointOptions) {
  const { scope, input, now } = opts;
  await assertEndpointUrlAllowed(input.url, scope.livemode);
  const secret = newEndpointSecret();
  // Counted and inserted under the merchant's row lock: concurrent creates queue, and the
  // cap holds however many arrive at once.
  const row = await withTransaction(db, async (tx) => {
    await lockMerchant(tx, scope.merchantId);
    if ((await countEndpoints(tx, scope)) >= MAX_ENDPOINTS) {
      throw validationError(
        `A merchant can have at most ${MAX_ENDPOINTS} webhook endpoints per mode; delete one first.`,
        [{ path: [], code: "custom", message: `at most ${MAX_ENDPOINTS} endpoints per mode` }],
        "endpoint_limit_reached",
      );
    }
    return insertEndpoint(tx, {
      id: newId("webhookEndpoint"),
      merchantId: scope.merchantId,
      livemode: scope.livemode,
      url: input.url,
      events: input.events,
      description: input.description ?? null,
      status: input.status,
      disabledReason: null,
      secret,
      createdAt: now,
      updatedAt: now,
    });
  });
  return { ...endpointToObject(row), secret };
}
