import { openApiDocument } from "@/lib/api/openapi";
import { jsonResponse, runApi } from "@/lib/api/http";
import { publicUrl } from "@/lib/env";

// GET /api/v1/openapi.json – the OpenAPI 3.1 document, generated from the zod schemas
export const GET = (req: Request) =>
  runApi(req, async (requestId) =>
    jsonResponse(requestId, 200, JSON.stringify(openApiDocument(publicUrl())), { "Cache-Control": "public, max-age=300" }),
  );
