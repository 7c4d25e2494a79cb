import { ApiError } from "@/lib/errors";
import { runApi } from "@/lib/api/http";
import { env } from "@/lib/env";

// POST /api/bench/echo – the framework's floor for `npm run bench`: parse JSON, answer it back.
// Off unless KASSA_BENCH=1, and then a 404 like any path without a route.
export async function POST(req: Request) {
  if (env().KASSA_BENCH !== "1") {
    return runApi(req, async () => {
      throw new ApiError("not_found", "unknown_route", "No API route POST /api/bench/echo.");
    });
  }
  const body = await req.json();
  return Response.json(body, { status: 200 });
}
