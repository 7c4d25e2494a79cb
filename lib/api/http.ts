import { randomBase62 } from "@/lib/ids";
import { log } from "@/lib/log";
import { ApiError, type ErrorType } from "@/lib/errors";

/** The HTTP status of each error type; an error may name a more precise one (413, 415, 422). */
export const ERROR_STATUS = {
  validation_error: 400,
  authentication_error: 401,
  permission_error: 403,
  not_found: 404,
  method_not_allowed: 405,
  idempotency_error: 409,
  invalid_state: 409,
  rate_limited: 429,
  provider_error: 502,
  internal_error: 500,
} as const satisfies Record<ErrorType, number>;

export function errorStatus(err: ApiError): number {
  return err.http.status ?? ERROR_STATUS[err.type];
}

/** The error format of SPEC 2. */
export function errorBody(err: ApiError, requestId: string) {
  return {
    error: {
      type: err.type,
      code: err.code,
      message: err.message,
      ...(err.issues ? { issues: err.issues } : {}),
      requestId,
    },
  };
}

export const MAX_BODY_BYTES = 1024 * 1024;
export const REQUEST_ID_HEADER = "x-kassa-request-id";

export type ApiResult = { status?: number; body: unknown; headers?: Record<string, string> };

/** Whether a path's percent-escapes decode (a malformed one is the client's 400, on every server). */
export function pathDecodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** A fresh request id. API routes do not pass through the proxy, so nothing upstream set one. */
export function newRequestId(): string {
  return `req_${randomBase62(20)}`;
}

export function jsonResponse(requestId: string, status: number, bodyText: string, headers: Record<string, string> = {}) {
  return new Response(bodyText, {
    status,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Request-Id": requestId,
      ...headers,
    },
  });
}

export function errorResponse(requestId: string, err: ApiError): Response {
  return jsonResponse(requestId, errorStatus(err), JSON.stringify(errorBody(err, requestId)), err.http.headers);
}

/** Maps anything thrown to the error format; unknown errors become a 500 with no internals. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError("internal_error", "internal_error", "Something went wrong on our side. Try again later.", {
    cause: err,
  });
}

/** Runs one API request: request id, error mapping and one structured log line. */
export async function runApi(req: Request, fn: (requestId: string) => Promise<Response>): Promise<Response> {
  const requestId = newRequestId();
  const started = performance.now();
  let res: Response;
  try {
    res = await fn(requestId);
  } catch (thrown) {
    const err = toApiError(thrown);
    if (errorStatus(err) >= 500) log.error({ requestId, err: err.cause ?? err }, "request failed");
    res = errorResponse(requestId, err);
  }
  log.info(
    {
      requestId,
      method: req.method,
      path: new URL(req.url).pathname,
      status: res.status,
      ms: Math.round(performance.now() - started),
    },
    "request",
  );
  return res;
}

/**
 * Reads a JSON object body: 415 for another content type, 413 over 1 MiB (counted as it
 * streams, whatever Content-Length claims), 400 for malformed JSON or a non-object.
 * An empty body is an empty object.
 */
export async function readJsonBody(req: Request): Promise<Record<string, unknown>> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const raw = await readLimited(req);
  if (raw.length === 0) return {};
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json" && !type.endsWith("+json")) {
    throw new ApiError(
      "validation_error",
      "unsupported_media_type",
      "Send the body as JSON with Content-Type: application/json.",
      { status: 415 },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(raw));
  } catch {
    throw new ApiError("validation_error", "invalid_json", "The body is not valid JSON.");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ApiError("validation_error", "invalid_json", "The body must be a JSON object.");
  }
  refuseUnsafeInput(parsed);
  return parsed as Record<string, unknown>;
}

/** The exact bytes a signature was made over, as text: 413 over 1 MiB, 400 when not UTF-8. */
export async function readRawBody(req: Request): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(await readLimited(req));
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError("validation_error", "invalid_body", "The body is not UTF-8 text.");
  }
}

/** How deep a body's objects and arrays may nest: no request of ours needs more than a few. */
export const MAX_JSON_DEPTH = 32;

type Place = { value: unknown; path: (string | number)[] };

/**
 * Refuses up front, with its place, what would otherwise fail deeper down as a 500: nesting
 * beyond MAX_JSON_DEPTH (validation and serialisation recurse), a NUL character or a lone
 * surrogate in a key or a string (PostgreSQL text holds neither), and a `__proto__` key (an
 * object would take it as its prototype and drop it). `value` is parsed JSON or query
 * parameters. Iterative, so that 10,000 nested arrays cannot overflow the stack.
 */
/**
 * A URL's query as an object, refusing a key given twice (`?status=open&status=paid`): which one
 * wins would be a guess, and a filter silently dropped answers the wrong list.
 */
export function queryObject(params: URLSearchParams): Record<string, string> {
  const seen = new Set<string>();
  for (const k of params.keys()) {
    if (seen.has(k)) throw invalid([k], "repeated_parameter", "must be given once");
    seen.add(k);
  }
  const out = Object.fromEntries(params);
  refuseUnsafeInput(out);
  return out;
}

export function refuseUnsafeInput(value: unknown): void {
  const stack: Place[] = [{ value, path: [] }];
  for (let place = stack.pop(); place; place = stack.pop()) {
    const { value: v, path } = place;
    if (typeof v === "string") {
      refuseUnsafeString(v, path);
      continue;
    }
    if (v === null || typeof v !== "object") continue;
    if (path.length >= MAX_JSON_DEPTH) {
      throw invalid(path, "too_deep", `must not nest objects or arrays more than ${MAX_JSON_DEPTH} levels deep`);
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] });
      continue;
    }
    for (const [k, child] of Object.entries(v).reverse()) {
      const at = [...path, k];
      if (k === "__proto__") throw invalid(at, "invalid_key", "`__proto__` is not allowed as a key");
      refuseUnsafeString(k, at);
      stack.push({ value: child, path: at });
    }
  }
}

function refuseUnsafeString(s: string, path: (string | number)[]) {
  if (s.includes("\0")) throw invalid(path, "invalid_string", "must not contain a NUL character");
  if (!s.isWellFormed()) throw invalid(path, "invalid_string", "must be well-formed Unicode (a lone surrogate such as \\ud800 is not)");
}

function invalid(path: (string | number)[], code: string, message: string) {
  const where = path.map((p) => (typeof p === "string" ? p.toWellFormed() : p)).join(".") || "body";
  return new ApiError("validation_error", "invalid_request", `${where}: ${message}`, { issues: [{ path, code, message }] });
}

async function readLimited(req: Request): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

function tooLarge() {
  return new ApiError("validation_error", "body_too_large", "The body is larger than 1 MiB.", { status: 413 });
}
