import { z } from "zod";
import { ApiError } from "@/lib/errors";
import { merchantRoute } from "@/lib/api/merchant-route";
import { advanceClock, now } from "@/lib/clock";
import { env } from "@/lib/env";

// POST /api/v1/test/clock – move this server's clock forward (only with KASSA_TEST_CLOCK=1 and a test key)
export const POST = merchantRoute(
  { body: z.strictObject({ advanceSeconds: z.int().min(1).max(30 * 86_400) }) },
  async ({ livemode, body }) => {
    if (env().KASSA_TEST_CLOCK !== "1" || livemode) {
      throw new ApiError("not_found", "resource_missing", "The test clock is not enabled on this server.");
    }
    advanceClock(body.advanceSeconds);
    return { body: { object: "test_clock", now: now().toISOString() } };
  },
);
