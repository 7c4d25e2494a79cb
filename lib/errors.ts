// The one error Kassa's operations throw, with the closed set of types of SPEC 2. Both the
// domain (lib/checkout, lib/webhooks, …) and the HTTP layer (lib/api) import it; which HTTP
// status a type answers with is the HTTP layer's business (lib/api/http.ts, ERROR_STATUS).
import type { z } from "zod";

/** The error types of SPEC 2; every type the API answers with is among them. */
export const ERROR_TYPES = [
  "validation_error",
  "authentication_error",
  "permission_error",
  "not_found",
  "method_not_allowed",
  "idempotency_error",
  "invalid_state",
  "rate_limited",
  "provider_error",
  "internal_error",
] as const;

export type ErrorType = (typeof ERROR_TYPES)[number];

export type ErrorIssue = { path: (string | number)[]; code: string; message: string };

/** What an HTTP answer needs beyond the type: a more precise status (413, 415, 422), headers such as Retry-After. */
export type HttpHints = { status?: number; headers?: Record<string, string> };

/**
 * `message` is shown to the merchant; anything internal goes to the log through `cause`,
 * never into the response.
 */
export class ApiError extends Error {
  readonly type: ErrorType;
  readonly code: string;
  readonly issues?: ErrorIssue[];
  readonly http: HttpHints;

  constructor(
    type: ErrorType,
    code: string,
    message: string,
    opts: HttpHints & { issues?: ErrorIssue[]; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.type = type;
    this.code = code;
    this.issues = opts.issues;
    this.http = { status: opts.status, headers: opts.headers };
  }
}

export function validationError(message: string, issues: ErrorIssue[], code = "invalid_request"): ApiError {
  return new ApiError("validation_error", code, message, { issues });
}

export function fromZodError(error: z.ZodError, message = "The request is not valid."): ApiError {
  const issues = error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
    code: i.code,
    message: i.message,
  }));
  const first = issues[0];
  const summary = first ? `${first.path.length ? first.path.join(".") + ": " : ""}${first.message}` : message;
  return validationError(summary, issues);
}

export function notFound(what: string, id: string): ApiError {
  return new ApiError("not_found", "resource_missing", `No such ${what}: '${id.slice(0, 80)}'.`);
}

export function invalidState(message: string, code = "invalid_state"): ApiError {
  return new ApiError("invalid_state", code, message);
}
