import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { scrubError } from "./log";

describe("scrubError", () => {
  it("keeps a failed query's text but none of its parameters", () => {
    const secret = "whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0MTIzNDU2";
    // As drizzle and PGlite build them: values in the message and in fields, a cause below.
    const driver = Object.assign(new Error('duplicate key value violates unique constraint "webhook_endpoints_pkey"'), {
      code: "23505",
      query: "insert into webhook_endpoints values ($1, $2)",
      params: ["we_1", secret],
    });
    const query = Object.assign(new Error(`Failed query: insert into webhook_endpoints values ($1, $2)\nparams: we_1,${secret}`), {
      query: "insert into webhook_endpoints values ($1, $2)",
      params: ["we_1", secret],
      cause: driver,
    });
    let out = "";
    const logger = pino(
      { serializers: { err: (e: Error) => pino.stdSerializers.err(scrubError(e) as Error) } },
      new Writable({ write: (chunk, _enc, done) => ((out += chunk), done()) }),
    );
    logger.error({ err: query }, "request failed");
    expect(out).not.toContain(secret);
    expect(out).toContain("Failed query: insert into webhook_endpoints values ($1, $2)");
    expect(out).toContain("duplicate key value violates unique constraint");
  });
});
