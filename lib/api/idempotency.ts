import { createHash, createHmac } from "node:crypto";
import type { Database } from "@/db/client";
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  deleteExpiredIdempotencyKey,
  findIdempotencyKey,
  reclaimStaleIdempotencyKey,
  releaseIdempotencyKey,
  type IdempotencyScope,
} from "@/db/queries/idempotency";
import { ApiError, validationError } from "@/lib/errors";
import { errorBody, errorResponse, errorStatus, jsonResponse, toApiError, type ApiResult } from "./http";

export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;
// A request that holds its key longer than this is presumed dead and its key can be retried.
const LOCK_MS = 60_000;

const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;

/**
 * The key from the Idempotency-Key header or the body field `idempotencyKey`, which it takes
 * out of `body`: the parameters a repeat is compared by, and validated, are the rest. Both
 * present and different is a 400.
 */
export function takeIdempotencyKey(req: Request, body: Record<string, unknown>): string | null {
  const header = req.headers.get("idempotency-key");
  const bodyField = body.idempotencyKey;
  delete body.idempotencyKey;
  if (bodyField !== undefined && typeof bodyField !== "string") {
    throw validationError("idempotencyKey: must be a string", [
      { path: ["idempotencyKey"], code: "invalid_type", message: "must be a string" },
    ]);
  }
  if (header !== null && bodyField !== undefined && header !== bodyField) {
    throw validationError("The Idempotency-Key header and the idempotencyKey field differ.", [
      { path: ["idempotencyKey"], code: "custom", message: "differs from the Idempotency-Key header" },
    ]);
  }
  const key = header ?? (bodyField as string | undefined) ?? null;
  if (key !== null && !KEY_PATTERN.test(key)) {
    throw validationError("Idempotency-Key must be 1 to 255 printable ASCII characters.", [
      { path: ["idempotencyKey"], code: "invalid_format", message: "must be 1 to 255 printable ASCII characters" },
    ]);
  }
  return key;
}

/** Canonical JSON (sorted keys) so that the same parameters in another order still match. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * What a repeat's parameters are compared by. With a secret, an HMAC: for a body that holds
 * a card number, whose plain hash could be found again by trying every number.
 */
export function requestHash(method: string, path: string, body: unknown, secret?: string): string {
  const h = secret ? createHmac("sha256", secret) : createHash("sha256");
  return h.update(`${method} ${path}\n${canonical(body)}`).digest("hex");
}

export type Begin = { kind: "new" } | { kind: "replay"; status: number; body: string };

/**
 * Starts an idempotent request: claims the key, or answers with the stored response, or
 * refuses (409 while the first request runs, 422 when the parameters differ).
 */
export async function beginIdempotent(db: Database, scope: IdempotencyScope, hash: string, at: Date): Promise<Begin> {
  const lockedUntil = new Date(at.getTime() + LOCK_MS);
  const claim = () => claimIdempotencyKey(db, { ...scope, requestHash: hash, at, lockedUntil });
  if (await claim()) return { kind: "new" };

  let existing = await findIdempotencyKey(db, scope);
  if (existing && existing.createdAt.getTime() < at.getTime() - IDEMPOTENCY_RETENTION_MS) {
    await deleteExpiredIdempotencyKey(db, scope, new Date(at.getTime() - IDEMPOTENCY_RETENTION_MS));
    if (await claim()) return { kind: "new" };
    existing = await findIdempotencyKey(db, scope);
  }
  if (!existing) {
    // The first request failed validation or crashed and released the key in between.
    if (await claim()) return { kind: "new" };
    throw inProgress();
  }
  if (existing.requestHash !== hash) {
    throw new ApiError(
      "idempotency_error",
      "idempotency_key_reused",
      "This Idempotency-Key was already used with different parameters.",
      { status: 422 },
    );
  }
  if (existing.state === "done") {
    return { kind: "replay", status: existing.responseStatus!, body: existing.responseBody! };
  }
  if (existing.lockedUntil < at && (await reclaimStaleIdempotencyKey(db, scope, at, lockedUntil))) {
    return { kind: "new" };
  }
  throw inProgress();
}

function inProgress() {
  return new ApiError(
    "idempotency_error",
    "idempotency_key_in_use",
    "A request with this Idempotency-Key is still being processed; retry shortly.",
    { status: 409, headers: { "Retry-After": "1" } },
  );
}

/**
 * The buyer's pay call has no merchant key: its keys live under the session's merchant and
 * mode, prefixed by the session id, so two sessions (or two buyers) never share one.
 */
export function sessionKeyScope(session: { id: string; merchantId: string; livemode: boolean }, key: string): IdempotencyScope {
  return { merchantId: session.merchantId, livemode: session.livemode, key: `${session.id}\u001f${key}` };
}

/**
 * Refusals that store nothing, so that the key stays usable: invalid input, our own faults,
 * and states that pass (a rate limit, a payment attempt in progress), which a retry with the
 * same key must find gone rather than replayed.
 */
export function storesNothing(err: ApiError): boolean {
  return err.type === "validation_error" || errorStatus(err) >= 500 || err.type === "rate_limited" || err.code === "payment_in_progress";
}

export type KeyedRequest = {
  scope: IdempotencyScope;
  hash: string;
  at: Date;
  requestId: string;
  /**
   * `together`: the change and its stored response commit in one transaction, both or
   * neither (work that is all database). `apart`: claim, run and complete one after another,
   * so that no transaction stays open while a payment provider is called.
   */
  store: "together" | "apart";
};

/**
 * Answers a request that carries an Idempotency-Key by SPEC 2's rules: the first response,
 * stored, is replayed byte for byte with `Idempotent-Replayed: true` to a repeat with the
 * same parameters; other parameters are 422 and a repeat while the first runs is 409.
 */
export async function respondIdempotently(db: Database, k: KeyedRequest, run: (db: Database) => Promise<ApiResult>): Promise<Response> {
  const begun = await beginIdempotent(db, k.scope, k.hash, k.at);
  if (begun.kind === "replay") {
    return jsonResponse(k.requestId, begun.status, begun.body, { "Idempotent-Replayed": "true" });
  }
  const attempt = async (d: Database) => {
    let result: { status: number; text: string; headers?: Record<string, string> };
    try {
      const r = await run(d);
      result = { status: r.status ?? 200, text: JSON.stringify(r.body), headers: r.headers };
    } catch (thrown) {
      const err = toApiError(thrown);
      if (storesNothing(err)) throw thrown;
      result = { status: errorStatus(err), text: JSON.stringify(errorBody(err, k.requestId)), headers: err.http.headers };
    }
    await completeIdempotencyKey(d, k.scope, result.status, result.text);
    return jsonResponse(k.requestId, result.status, result.text, result.headers);
  };
  try {
    return k.store === "together" ? await db.transaction((tx) => attempt(tx as unknown as Database)) : await attempt(db);
  } catch (thrown) {
    await releaseIdempotencyKey(db, k.scope);
    const err = toApiError(thrown);
    if (errorStatus(err) >= 500) throw thrown;
    return errorResponse(k.requestId, err);
  }
}
