import { env } from "@/lib/env";

const g = globalThis as unknown as { __kassaClockOffsetMs?: number };

/**
 * The time every state rule reads. Tests move it with POST /api/v1/test/clock, which exists
 * only when KASSA_TEST_CLOCK=1, so expiry can be tested without waiting half an hour.
 */
export function now(): Date {
  return new Date(Date.now() + (g.__kassaClockOffsetMs ?? 0));
}

export function advanceClock(seconds: number): number {
  if (env().KASSA_TEST_CLOCK !== "1") throw new Error("the test clock is disabled");
  g.__kassaClockOffsetMs = (g.__kassaClockOffsetMs ?? 0) + seconds * 1000;
  return g.__kassaClockOffsetMs;
}
