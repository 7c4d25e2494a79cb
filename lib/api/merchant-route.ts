import type { z } from "zod";
import type { Database } from "@/db/client";
import type { DoneKey } from "@/db/queries/idempotency";
import type { MerchantRow } from "@/db/queries/merchants";
import type { Scope } from "@/db/queries/scope";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { authenticateKey } from "@/lib/merchants/keys";
import { ApiError, fromZodError } from "@/lib/errors";
import { serverSecret } from "@/lib/security/secret";
import { jsonResponse, queryObject, readJsonBody, runApi, toApiError, type ApiResult } from "./http";
import { requestHash, respondIdempotently, storesNothing, takeIdempotencyKey } from "./idempotency";

export type MerchantContext<B, Q> = {
  req: Request;
  db: Database;
  merchant: MerchantRow;
  livemode: boolean;
  scope: Scope;
  requestId: string;
  params: Record<string, string>;
  body: B;
  query: Q;
  now: Date;
  /**
   * Set for a route declared with `storesResponse` when the request carries an Idempotency-Key
   * not yet claimed: the key's record holding `result`, for the handler to write in the very
   * statement that makes its change (see claimDone). The handler then answers that same
   * result, or KEY_TAKEN when its statement found the key taken and wrote nothing.
   */
  storeResponse: ((result: ApiResult) => DoneKey) | null;
};

/** A handler's answer when the Idempotency-Key it was to store its response under was taken. */
export const KEY_TAKEN = Symbol("idempotency key taken");

type Schema = z.ZodType | undefined;
type Out<S extends Schema, Fallback> = S extends z.ZodType ? z.output<S> : Fallback;

export type MerchantRouteOptions<B extends Schema, Q extends Schema> = {
  body?: B;
  query?: Q;
  /**
   * The handler's change is one statement that can store the idempotent response itself
   * (MerchantContext.storeResponse): a keyed request then costs one statement instead of a
   * claim, a transaction and a completion. Every other outcome takes the general path.
   */
  storesResponse?: boolean;
  /**
   * The handler waits for a payment provider. Its idempotent response is stored apart from its
   * change, so that no transaction stays open during the call (SPEC 8), and, as its body holds
   * credentials, a repeat is compared by an HMAC of the body rather than a plain hash.
   */
  callsProvider?: boolean;
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * Wraps a merchant API handler: secret-key auth, JSON body (POST, PATCH) and query
 * validation, and for POSTs the idempotency contract of SPEC 2. The handler only sees valid input.
 */
export function merchantRoute<B extends Schema = undefined, Q extends Schema = undefined>(
  opts: MerchantRouteOptions<B, Q>,
  handler: (ctx: MerchantContext<Out<B, Record<string, never>>, Out<Q, Record<string, never>>>) => Promise<ApiResult | typeof KEY_TAKEN>,
) {
  return (req: Request, routeCtx: RouteContext) =>
    runApi(req, async (requestId) => {
      const db = await getDb();
      const auth = await authenticate(db, req);
      const params = Object.fromEntries(
        Object.entries((await routeCtx?.params) ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]),
      );

      let rawBody: Record<string, unknown> = {};
      let idemKey: string | null = null;
      if (req.method === "POST") {
        rawBody = await readJsonBody(req);
        idemKey = takeIdempotencyKey(req, rawBody);
      } else if (req.method === "PATCH") {
        // PATCH sets fields to given values: repeating it is harmless, so no idempotency key.
        rawBody = await readJsonBody(req);
      }
      const body = parseWith(opts.body, rawBody, "The request body is not valid.");
      const rawQuery = queryObject(new URL(req.url).searchParams);
      const query = parseWith(opts.query, rawQuery, "The query parameters are not valid.");

      const scope = { merchantId: auth.merchant.id, livemode: auth.livemode };
      const at = now();
      const ctx = { req, db, merchant: auth.merchant, livemode: auth.livemode, scope, requestId, params, body, query, now: at, storeResponse: null };
      const run = async (c: MerchantContext<unknown, unknown>) => {
        const r = await handler(c as never);
        if (r === KEY_TAKEN) throw new Error("a handler answered KEY_TAKEN without storeResponse");
        return r;
      };
      const send = (r: ApiResult) => jsonResponse(requestId, r.status ?? 200, JSON.stringify(r.body), r.headers);

      if (!idemKey) return send(await run(ctx));

      const keyScope = { ...scope, key: idemKey };
      const path = new URL(req.url).pathname;
      const hash = requestHash(req.method, path, rawBody, opts.callsProvider ? serverSecret() : undefined);
      if (opts.storesResponse) {
        let stored: DoneKey | null = null;
        const storeResponse = (r: ApiResult) =>
          (stored = { ...keyScope, requestHash: hash, at, status: r.status ?? 200, body: JSON.stringify(r.body) });
        try {
          const r = await handler({ ...ctx, storeResponse } as never);
          if (r !== KEY_TAKEN) {
            if (!stored) throw new Error("a storesResponse handler answered without storing its response");
            const { status, body } = stored as DoneKey;
            return jsonResponse(requestId, status, body, r.headers);
          }
        } catch (thrown) {
          // What stores nothing (invalid input, a fault) is answered as it is; any other refusal is stored by the general path below.
          if (storesNothing(toApiError(thrown))) throw thrown;
        }
      }
      // The response is stored in the transaction that made the change (both or neither),
      // unless the handler waits for a provider meanwhile.
      const store = opts.callsProvider ? "apart" : "together";
      return respondIdempotently(db, { scope: keyScope, hash, at, requestId, store }, (d) => run({ ...ctx, db: d }));
    });
}

function parseWith<S extends Schema>(schema: S, input: unknown, message: string) {
  if (!schema) return input;
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, message);
  return parsed.data;
}

async function authenticate(db: Database, req: Request) {
  const header = req.headers.get("authorization");
  if (!header) {
    throw new ApiError(
      "authentication_error",
      "missing_api_key",
      "No API key given. Send it as `Authorization: Bearer sk_test_…`.",
    );
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  const found = match ? await authenticateKey(db, match[1]!) : null;
  if (!found) {
    throw new ApiError("authentication_error", "invalid_api_key", "The API key is invalid or has been revoked.");
  }
  return found;
}
