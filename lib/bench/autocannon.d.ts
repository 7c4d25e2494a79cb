// The part of autocannon's API the benchmark uses (the package ships no types).
declare module "autocannon" {
  namespace autocannon {
    type Request = {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
      setupRequest?: (req: Request) => Request;
      onResponse?: (status: number, body: string) => void;
    };
    type Options = {
      url?: string;
      connections?: number;
      pipelining?: number;
      duration?: number;
      /** A fixed number of requests instead of a duration. */
      amount?: number;
      /** At most this many requests in all (shared among the connections); the duration still ends the run. */
      maxOverallRequests?: number;
      requests?: Request[];
      /** A response whose body fails this counts in `mismatches`. */
      verifyBody?: (body: string) => boolean;
    };
    type Result = {
      requests: { average: number; total: number };
      latency: { p50: number; p99: number };
      errors: number;
      timeouts: number;
      non2xx: number;
      mismatches: number;
      /** Seconds the run took. */
      duration: number;
    };
  }
  function autocannon(opts: autocannon.Options): Promise<autocannon.Result>;
  export = autocannon;
}
