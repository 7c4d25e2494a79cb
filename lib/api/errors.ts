import type { z } from "zod";

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
} as const;

export type ErrorType = keyof typeof ERROR_STATUS;

export type ErrorIssue = { path: (string | number)[]; code: string; message: string };

/**
 * The one error the API answers with. `message` is shown to the merchant; anything
 * internal goes to the log through `cause`, never into the response.
 */
export class ApiError extends Error {
  readonly type: ErrorType;
  readonly code: string;
  readonly status: number;
  readonly issues?: ErrorIssue[];
  readonly headers?: Record<string, string>;

  constructor(
    type: ErrorType,
    code: string,
    message: string,
    opts: { status?: number; issues?: ErrorIssue[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.type = type;
    this.code = code;
    this.status = opts.status ?? ERROR_STATUS[type];
    this.issues = opts.issues;
    this.headers = opts.headers;
  }

  body(requestId: string) {
    return {
      error: {
        type: this.type,
        code: this.code,
        message: this.message,
        ...(this.issues ? { issues: this.issues } : {}),
        requestId,
      },
    };
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
