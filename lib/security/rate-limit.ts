import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { ApiError } from "@/lib/errors";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { processState } from "@/lib/process-state";

type Limiters = { ip: RateLimiterAbstract; session: RateLimiterAbstract };
const limiterSlot = processState<Limiters>("limiters");

function make(prefix: string, points: number): RateLimiterAbstract {
  const { REDIS_URL, REDIS_KEY_PREFIX, RATE_LIMIT_WINDOW_S: duration } = env();
  const memory = new RateLimiterMemory({ keyPrefix: prefix, points, duration });
  if (!REDIS_URL) return memory;
  const client = sharedRedis(REDIS_URL);
  // If Redis goes away, each instance limits on its own rather than letting everything through.
  return new RateLimiterRedis({ storeClient: client, keyPrefix: `${REDIS_KEY_PREFIX}:${prefix}`, points, duration, insuranceLimiter: memory });
}

let redis: Redis | undefined;
function sharedRedis(url: string): Redis {
  if (!redis) {
    redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    redis.on("error", (err) => log.warn({ err: err.message }, "redis unavailable for rate limits"));
  }
  return redis;
}

function limiters(): Limiters {
  limiterSlot.value ??= {
    ip: make("pay-ip", env().RATE_LIMIT_PAY_PER_IP),
    session: make("pay-session", env().RATE_LIMIT_PAY_PER_SESSION),
  };
  return limiterSlot.value;
}

/** Counts one payment attempt against the IP and the session; 429 with Retry-After when over. */
export async function limitPaymentAttempt(ip: string, sessionId: string): Promise<void> {
  const { ip: byIp, session: bySession } = limiters();
  for (const [limiter, key] of [[byIp, ip], [bySession, sessionId]] as const) {
    try {
      await limiter.consume(key);
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      throw new ApiError("rate_limited", "too_many_attempts", `Too many payment attempts. Try again in ${seconds} seconds.`, {
        headers: { "Retry-After": String(seconds) },
      });
    }
  }
}

/**
 * Builds the limiters and, with Redis, waits (briefly) for its connection: until Redis is
 * ready attempts are counted in memory, which the other instances do not see.
 */
export async function warmRateLimits(timeoutMs = 2000): Promise<void> {
  limiters();
  if (!redis || redis.status === "ready") return;
  const client = redis;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    client.once("ready", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
