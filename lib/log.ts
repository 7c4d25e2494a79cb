import pino from "pino";
import { env } from "@/lib/env";

const g = globalThis as unknown as { __kassaLog?: pino.Logger };

// Structured JSON; the redact list is a second line of defence: no code path logs these.
export const log: pino.Logger =
  g.__kassaLog ??
  (g.__kassaLog = pino({
    level: env().LOG_LEVEL,
    base: { app: "kassa" },
    redact: {
      paths: ["authorization", "*.authorization", "card", "*.card", "secret", "*.secret", "key", "*.key"],
      censor: "[redacted]",
    },
  }));
