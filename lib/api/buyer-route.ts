import { findSessionById, type SessionRow } from "@/db/queries/sessions";
import type { Database } from "@/db/client";
import { isSessionId } from "@/lib/checkout/get-session";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { ownOrigins } from "@/lib/env";
import { ApiError, notFound } from "@/lib/errors";
import { errorResponse, errorStatus, jsonResponse, runApi, toApiError, type ApiResult } from "./http";

export type BuyerContext = { req: Request; db: Database; session: SessionRow; requestId: string; now: Date };

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * Origins that count as ours for a session: this server's configured own (never one a Host
 * or X-Forwarded-Host header claims), and the merchant's allowed ones; whole origins only.
 */
function originAllowed(origin: string, session: SessionRow): boolean {
  return ownOrigins().includes(origin) || session.allowedOrigins.includes(origin);
}

function corsHeaders(req: Request, session: SessionRow | null): Record<string, string> {
  const origin = req.headers.get("origin");
  if (!origin || !session?.allowedOrigins.includes(origin)) return {};
  return { "Access-Control-Allow-Origin": origin, Vary: "Origin" };
}

/**
 * Wraps the buyer's JSON API, where the session id in the path is the only credential. A
 * POST whose Origin is present and foreign is refused (CSRF); the session's allowed origins
 * may call it from the browser (CORS) to build their own front end.
 */
export function buyerRoute(handler: (ctx: BuyerContext) => Promise<ApiResult | Response>) {
  return (req: Request, routeCtx: RouteContext) =>
    runApi(req, async (requestId) => {
      const id = String((await routeCtx.params).id ?? "");
      const db = await getDb();
      const session = isSessionId(id) ? await findSessionById(db, id) : null;
      const cors = corsHeaders(req, session);
      try {
        if (!session) throw notFound("checkout session", id);
        const origin = req.headers.get("origin");
        if (req.method !== "GET" && origin && !originAllowed(origin, session)) {
          throw new ApiError("permission_error", "origin_not_allowed", "Requests from this origin may not pay this checkout.");
        }
        const r = await handler({ req, db, session, requestId, now: now() });
        if (r instanceof Response) {
          // Already answered, as a stored response is (Idempotency-Key).
          for (const [k, v] of Object.entries(cors)) r.headers.set(k, v);
          return r;
        }
        return jsonResponse(requestId, r.status ?? 200, JSON.stringify(r.body), { ...r.headers, ...cors });
      } catch (thrown) {
        const err = toApiError(thrown);
        if (errorStatus(err) >= 500) throw thrown;
        const res = errorResponse(requestId, err);
        for (const [k, v] of Object.entries(cors)) res.headers.set(k, v);
        return res;
      }
    });
}

/** CORS preflight for the merchant's allowed origins. */
export function buyerPreflight(methods: string) {
  return async (req: Request, routeCtx: RouteContext) => {
    const id = String((await routeCtx.params).id ?? "");
    const session = isSessionId(id) ? await findSessionById(await getDb(), id) : null;
    const cors = corsHeaders(req, session);
    if (!cors["Access-Control-Allow-Origin"]) return new Response(null, { status: 204 });
    return new Response(null, {
      status: 204,
      headers: { ...cors, "Access-Control-Allow-Methods": methods, "Access-Control-Allow-Headers": "Content-Type, Idempotency-Key", "Access-Control-Max-Age": "600" },
    });
  };
}
