import type { ProviderName } from "./types";

/** How a processor is named in what merchants and operators read. */
export const PROVIDER_LABELS: Record<ProviderName, string> = {
  sandbox: "The sandbox",
  paystack: "Paystack",
  stripe: "Stripe",
  pawapay: "pawaPay",
};
