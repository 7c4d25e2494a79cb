import { ApiError } from "@/lib/errors";
import { runApi } from "@/lib/api/http";

// Any other /api/v1 path: a 404 in the API's error format rather than an HTML page.
const unknownRoute = (req: Request) =>
  runApi(req, async () => {
    throw new ApiError("not_found", "unknown_route", `No API route ${req.method} ${new URL(req.url).pathname}.`);
  });

export const GET = unknownRoute;
export const POST = unknownRoute;
export const PUT = unknownRoute;
export const PATCH = unknownRoute;
export const DELETE = unknownRoute;
export const OPTIONS = unknownRoute;
