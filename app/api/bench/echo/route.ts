import { env } from "@/lib/env";

// POST /api/bench/echo – the framework's floor for `npm run bench`: parse JSON, answer it back.
// Off (404) unless KASSA_BENCH=1.
export async function POST(req: Request) {
  if (env().KASSA_BENCH !== "1") return new Response(null, { status: 404 });
  const body = await req.json();
  return Response.json(body, { status: 200 });
}
