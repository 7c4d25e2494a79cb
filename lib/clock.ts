import { z } from "zod";
import { env } from "@/lib/env";
import { processState } from "@/lib/process-state";

const clockOffsetMs = processState<number>("clockOffsetMs");

/**
 * The time every state rule reads. Tests move it with POST /api/v1/test/clock, which exists
 * only when KASSA_TEST_CLOCK=1, so expiry can be tested without waiting half an hour.
 */
export function now(): Date {
  return new Date(Date.now() + (clockOffsetMs.value ?? 0));
}

export function advanceClock(seconds: number): number {
  if (env().KASSA_TEST_CLOCK !== "1") throw new Error("the test clock is disabled");
  clockOffsetMs.value = (clockOffsetMs.value ?? 0) + seconds * 1000;
  return clockOffsetMs.value;
}

/** A moment as the API writes it: ISO 8601, in UTC. */
export const timestamp = z.iso.datetime().meta({ description: "ISO 8601, UTC" });

export const iso = (d: Date) => d.toISOString();
export const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Pauses that `wake()` ends early: an idle worker's wait between two looks for work, cut short
 * when it is told to stop. One pause at a time.
 */
export function pauses(): { pause(ms: number): Promise<void>; wake(): void } {
  let wake: (() => void) | null = null;
  return {
    pause: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wake = null;
          resolve();
        }
        wake = done;
      }),
    wake: () => wake?.(),
  };
}
