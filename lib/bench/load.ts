// What the benchmark's runs send, and what each run reports: shared by the API runs and the soak.
import type autocannon from "autocannon";
import { freshDatabase, type Database } from "@/e2e/support/stack";

export type Run = {
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
  seconds: number;
  mismatches?: number;
};

/** One autocannon run's figures; `mismatches` only where the run verified its bodies. */
export function runOf(r: autocannon.Result, verified = false): Run {
  return {
    reqPerSec: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    total: r.requests.total,
    seconds: r.duration,
    ...(verified ? { mismatches: r.mismatches } : {}),
  };
}

export const sessionBody = JSON.stringify({
  amount: 250000,
  currency: "NGN",
  description: "Benchmark order",
  successUrl: "https://shop.example.com/thanks?session={CHECKOUT_SESSION_ID}",
});

// The buyer pays with the sandbox's succeeding test card; an expiry two years out stays valid.
export const payBody = JSON.stringify({
  rail: "card",
  card: { number: "4242424242424242", expMonth: 12, expYear: new Date().getFullYear() + 2, cvc: "123" },
  email: "bench@example.com",
});

/** A fresh database of `kind`; on PostgreSQL, a new one on the server at `pgUrl`. */
export async function benchDatabase(kind: "postgres" | "pglite", pgUrl: string): Promise<Database> {
  const previous = process.env.TEST_DATABASE_URL;
  process.env.TEST_DATABASE_URL = pgUrl;
  try {
    return await freshDatabase(kind);
  } finally {
    // Assigning undefined would leave the string "undefined" in the environment.
    if (previous === undefined) delete process.env.TEST_DATABASE_URL;
    else process.env.TEST_DATABASE_URL = previous;
  }
}
