import { validationError } from "@/lib/errors";
import { webhookPrivateTargets } from "@/lib/env";
import { checkDestination, type Lookup } from "./ssrf";

/**
 * Refuses, as a 400 on `url`, an endpoint URL the mode does not allow: http or a
 * non-public address with a live key, a non-public one with a test key where
 * WEBHOOK_PRIVATE_TARGETS is `never`, a metadata or link-local address with any key.
 */
export async function assertEndpointUrlAllowed(url: string, livemode: boolean, lookup?: Lookup): Promise<void> {
  const result = await checkDestination(new URL(url), { livemode, privateTargets: webhookPrivateTargets() }, lookup);
  if (result.ok) return;
  throw validationError(`url: ${result.reason}`, [{ path: ["url"], code: "custom", message: result.reason }]);
}
