import { sql } from "drizzle-orm";
import { databaseHandle } from "@/lib/db";
import { runApi, jsonResponse } from "@/lib/api/http";

// GET /api/health – liveness and database reachability
export const GET = (req: Request) =>
  runApi(req, async (requestId) => {
    try {
      const { db, kind } = await databaseHandle();
      await db.execute(sql`select 1`);
      return jsonResponse(requestId, 200, JSON.stringify({ status: "ok", database: kind }));
    } catch {
      return jsonResponse(requestId, 503, JSON.stringify({ status: "unavailable", database: "unreachable" }));
    }
  });
