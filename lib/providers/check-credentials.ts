// What connecting an account and changing its credentials both check, cheapest first: the
// credentials' shape (the adapter's own schema), their mode against the API key's, the rails
// and currencies against what the provider serves; then one harmless call to the provider.
import { ApiError, validationError, type ErrorIssue } from "@/lib/errors";
import type { Currency } from "@/lib/money/currencies";
import type { Rail } from "@/lib/rails";
import { PROVIDER_LABELS } from "./labels";
import { ProviderRefused, ProviderUnreachable, type ProviderAdapter } from "./types";

const modeName = (livemode: boolean) => (livemode ? "live" : "test");

/**
 * The credentials as the adapter reads them, or a 400 on `credentials`. Zod's messages name
 * the rule broken, never the value, so no part of a secret reaches the answer or the log.
 */
export function readCredentials(adapter: ProviderAdapter, raw: unknown, livemode: boolean): unknown {
  const parsed = adapter.credentials.safeParse(raw);
  if (!parsed.success) {
    const issues: ErrorIssue[] = parsed.error.issues.map((i) => ({
      path: ["credentials", ...i.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
      code: i.code,
      message: i.message,
    }));
    const first = issues[0]!;
    throw validationError(`${first.path.join(".")}: ${first.message}`, issues);
  }
  const mode = adapter.modeOf(parsed.data);
  if (mode !== null && mode !== modeName(livemode)) {
    const label = PROVIDER_LABELS[adapter.name];
    const want = modeName(livemode);
    throw validationError(
      `These are ${label} ${mode} credentials, and the account is being connected in ${want} mode. ` +
        `Use your ${label} ${want} secret key here, or connect these in ${mode} mode (with a ${mode} Kassa API key, sk_${mode}_…).`,
      [{ path: ["credentials"], code: "custom", message: `must be ${label} ${want} credentials` }],
      "provider_credentials_mode_mismatch",
    );
  }
  return parsed.data;
}

/** Refuses, as a 400 on the item, a rail or currency the provider does not serve. */
export function assertServes(adapter: ProviderAdapter, served: { rails?: Rail[]; currencies?: Currency[] }): void {
  const label = PROVIDER_LABELS[adapter.name];
  const issues: ErrorIssue[] = [];
  served.rails?.forEach((rail, i) => {
    if (!adapter.rails.includes(rail)) {
      issues.push({ path: ["rails", i], code: "custom", message: `${label} does not serve ${rail} through Kassa (it serves ${adapter.rails.join(", ")})` });
    }
  });
  const currencies = adapter.currencies;
  served.currencies?.forEach((currency, i) => {
    if (currencies !== "*" && !currencies.includes(currency)) {
      issues.push({ path: ["currencies", i], code: "custom", message: `${label} does not serve ${currency} through Kassa (it serves ${currencies.join(", ")})` });
    }
  });
  const first = issues[0];
  if (first) throw validationError(`${first.path.join(".")}: ${first.message}`, issues);
}

/** A provider's words, with any credential they might quote taken out. */
function scrub(message: string, credentials: unknown): string {
  let out = message;
  for (const value of Object.values((credentials ?? {}) as Record<string, unknown>)) {
    if (typeof value === "string" && value.length >= 8) out = out.split(value).join("[redacted]");
  }
  return out.slice(0, 300);
}

/**
 * The provider's word on the credentials, from one harmless call. The caller holds no database
 * transaction while it waits (SPEC 8): on PGlite one would stall every other request.
 */
export async function confirmWithProvider(adapter: ProviderAdapter, credentials: unknown): Promise<void> {
  const label = PROVIDER_LABELS[adapter.name];
  try {
    await adapter.checkCredentials(credentials);
  } catch (err) {
    // A 429 says nothing of the key: the provider is busy, as when it does not answer.
    if (err instanceof ProviderRefused && err.status !== 429) {
      throw new ApiError("validation_error", "provider_credentials_invalid", `${label} refused the key: ${scrub(err.providerMessage, credentials)}`, {
        issues: [{ path: ["credentials"], code: "custom", message: `${label} refused these credentials` }],
      });
    }
    if (err instanceof ProviderRefused || err instanceof ProviderUnreachable) {
      const why = err instanceof ProviderUnreachable ? err.reason : `status ${err.status}`;
      throw new ApiError(
        "provider_error",
        "provider_unavailable",
        `${label} could not be asked whether the key is valid (${why}); nothing was saved. Try again shortly.`,
        { cause: err },
      );
    }
    throw err;
  }
}
