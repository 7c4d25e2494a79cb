import pino from "pino";
import { env } from "@/lib/env";
import { processState } from "@/lib/process-state";

const logger = processState<pino.Logger>("log");

/**
 * A failed query carries its parameters, in the message (drizzle) and in fields (PGlite):
 * they can hold a secret, e.g. a new webhook endpoint's signing secret. Logged errors keep
 * the query and drop the values, down the `cause` chain.
 */
export function scrubError(err: unknown, depth = 0): unknown {
  if (!(err instanceof Error) || depth > 5) return err;
  const message = err.message.replace(/\nparams: [\s\S]*$/, "\nparams: [redacted]");
  const out = new Error(message, { cause: scrubError(err.cause, depth + 1) });
  out.name = err.name;
  out.stack = err.stack?.replace(err.message, message);
  for (const [k, v] of Object.entries(err)) {
    if (k === "cause") continue;
    (out as unknown as Record<string, unknown>)[k] = k === "params" || k === "parameters" ? "[redacted]" : v;
  }
  return out;
}

// Structured JSON; the redact list is a second line of defence: no code path logs these.
export const log: pino.Logger =
  logger.value ??
  (logger.value = pino({
    level: env().LOG_LEVEL,
    base: { app: "kassa" },
    redact: {
      paths: ["authorization", "*.authorization", "card", "*.card", "secret", "*.secret", "key", "*.key", "credentials", "*.credentials", "secretKey", "*.secretKey"],
      censor: "[redacted]",
    },
    serializers: { err: (err: Error) => pino.stdSerializers.err(scrubError(err) as Error) },
  }));
