import { sandboxProvider } from "./sandbox";
import type { PaymentProvider } from "./types";

export type { PaymentProvider } from "./types";

/**
 * The provider that takes money in a mode: the sandbox in test mode. No real processor
 * adapter exists yet, so live mode has none and live sessions refuse to take money.
 */
export function providerFor(livemode: boolean): PaymentProvider | null {
  return livemode ? null : sandboxProvider;
}
