import { createHash } from "node:crypto";
import type { Database } from "@/db/client";
import {
  claimIdempotencyKey,
  deleteExpiredIdempotencyKey,
  findIdempotencyKey,
  reclaimStaleIdempotencyKey,
  type IdempotencyScope,
} from "@/db/queries/idempotency";
import { ApiError, validationError } from "./errors";

export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;
// A request that holds its key longer than this is presumed dead and its key can be retried.
const LOCK_MS = 60_000;

const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;

/** The key from the header or the body field; both present and different is a 400. */
export function pickIdempotencyKey(header: string | null, bodyField: unknown): string | null {
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

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash("sha256").update(`${method} ${path}\n${canonical(body)}`).digest("hex");
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
