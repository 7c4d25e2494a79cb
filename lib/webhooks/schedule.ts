/**
 * When a failed delivery is tried again (SPEC 5): after the n-th failed attempt, wait the
 * n-th step; after the tenth attempt the delivery has failed for good (about 3 days in all).
 */
export const RETRY_SCHEDULE_SECONDS = [5, 300, 1800, 7200, 18_000, 36_000, 50_400, 72_000, 86_400] as const;

export const MAX_ATTEMPTS = RETRY_SCHEDULE_SECONDS.length + 1;

/** ±10 %: spreads the retries of a burst that failed together, so they do not return together. */
export const JITTER = 0.1;

// A receiver may ask for a longer pause, but not park a delivery past the longest step.
const MAX_RETRY_AFTER_MS = 86_400_000;

export type RetryOptions = {
  /** Attempts made so far, the failed one included (1 after the first failure). */
  attempts: number;
  /** WEBHOOK_TIME_SCALE: 1 in production, e.g. 0.001 in tests. */
  scale: number;
  /** The receiver's Retry-After (429 and 503), in unscaled milliseconds. */
  retryAfterMs?: number | null;
  random?: () => number;
};

/** Milliseconds until the next attempt, or null when the schedule is spent. */
export function retryDelayMs(opts: RetryOptions): number | null {
  const step = RETRY_SCHEDULE_SECONDS[opts.attempts - 1];
  if (step === undefined) return null;
  const random = opts.random ?? Math.random;
  const jittered = step * 1000 * (1 + JITTER * (2 * random() - 1));
  const asked = opts.retryAfterMs ? Math.min(opts.retryAfterMs, MAX_RETRY_AFTER_MS) : 0;
  return Math.round(Math.max(jittered, asked) * opts.scale);
}

/** Retry-After as delay-seconds or an HTTP date, in milliseconds from `at`; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, at: Date): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d{1,10}$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP date always names its weekday; Date.parse alone would read "-5" as a year.
  const date = /^[A-Za-z]{3}, /.test(trimmed) ? Date.parse(trimmed) : NaN;
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - at.getTime());
}
