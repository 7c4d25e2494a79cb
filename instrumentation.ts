// Runs once when a Next.js server process starts: migrate, seed, start background jobs.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootOrExit } = await import("@/lib/boot/or-exit");
  await bootOrExit();
}

type ErrorRequest = { path: string; method: string; headers: Record<string, string | string[] | undefined> };
type ErrorContext = { routerKind: string; routePath: string; routeType: string };

/**
 * An error that escaped a page or a route handler: one structured line, like every other,
 * with the request id the proxy gave the request (SPEC 6). The query is left out: a
 * checkout URL is a credential, and its parameters are the buyer's.
 */
export async function onRequestError(err: unknown, request: ErrorRequest, context: ErrorContext) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log } = await import("@/lib/log");
  const { REQUEST_ID_HEADER } = await import("@/lib/api/http");
  const id = request.headers[REQUEST_ID_HEADER];
  log.error(
    {
      requestId: (Array.isArray(id) ? id[0] : id) ?? null,
      method: request.method,
      path: request.path.split("?", 1)[0],
      route: context.routePath,
      routeType: context.routeType,
      err,
    },
    "request failed",
  );
}
