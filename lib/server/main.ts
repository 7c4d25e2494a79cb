// `npm start`: the production server. The JSON API (every app/api route: `/api/v1/*`,
// `/api/health`) and the buyer's pages and forms (app/checkout/[id]/**: `/checkout/{id}`, its
// 3ds step, the forms they post) are answered by their very route handlers, called directly,
// without the framework's per-request machinery; the other pages, server actions and assets
// go through Next.js. Route handlers stay the single definition of both: `next dev` and
// `next start` serve them too, and the test suite runs against this server. Neither kind
// passes through proxy.ts: runApi, and the buyer routes' guard (lib/api/page-guard.ts), do
// that work themselves.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import next from "next";
import { ApiError } from "@/lib/errors";
import { errorBody, errorStatus, MAX_BODY_BYTES, newRequestId, pathDecodes, runApi, toApiError } from "@/lib/api/http";
import { bootOrExit } from "@/lib/boot/or-exit";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { trustForwarding } from "./forwarded";
import { loadRoutes, matchRoute, type Route, type RouteHandler } from "./routes";

const ROOT = process.cwd();

async function main() {
  // Migrations, the demo merchant, the sweep and the webhook worker, before the first request
  // (instrumentation.ts does the same under `next start`, and finds it done here).
  await bootOrExit();
  const port = env().PORT;
  const hostname = env().HOST;
  // quiet: an error escaping a page is logged by instrumentation.ts's onRequestError, as JSON
  // with the request id; Next.js would print it a second time as plain text.
  const app = next({ dev: false, dir: ROOT, hostname, port, quiet: true });
  const handle = app.getRequestHandler();
  await app.prepare();
  const appDir = path.join(ROOT, "app");
  const routes = await loadRoutes(appDir, "api");
  const buyerRoutes = await loadRoutes(appDir, "checkout");
  const staticFile = staticFiles(path.join(ROOT, "public"));
  const refusals = new Map(routes.map((r) => [r, methodNotAllowed(r)]));
  const preflights = new Map(routes.map((r) => [r, r.handlers.OPTIONS ?? allowed(r)]));

  const server = http.createServer((req, res) => {
    trustForwarding(req);
    const pathname = (req.url ?? "/").split("?", 1)[0]!;
    const method = req.method ?? "GET";
    const api = pathname === "/api" || pathname.startsWith("/api/");
    const found = api ? matchRoute(routes, pathname) : null;
    if (method === "TRACE") {
      // fetch's Request, and so Next.js, cannot carry TRACE (it threw, a 500): refused on every path.
      const allow = found ? Object.keys(found.route.handlers).join(", ") : "GET, HEAD, POST";
      const err = new ApiError("method_not_allowed", "method_not_allowed", "TRACE is not allowed.", { headers: { Allow: allow } });
      answerError(res, err, newRequestId(), pathname);
      return;
    }
    if (api && !found) {
      // No route, or an escape that does not decode: ours to answer, in the API's format.
      serveRoute(req, res, unroutable(pathname), {}, `${hostname}:${port}`).catch((err) => fail(res, err));
      return;
    }
    if (!found && method !== "GET" && method !== "HEAD" && staticFile(pathname)) {
      // Next.js 16 without a pages router has no error page to render a 405 with, and answers 500.
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff", "request-id": newRequestId() });
      res.end("Method Not Allowed\n");
      return;
    }
    if (!found) {
      // A buyer's page or form, in a method its route takes; anything else (other pages,
      // assets, other methods) gets Next.js's answer.
      const buyer = pathname.startsWith("/checkout/") ? matchRoute(buyerRoutes, pathname) : null;
      const handler = buyer && (method === "HEAD" ? buyer.route.handlers.HEAD ?? buyer.route.handlers.GET : buyer.route.handlers[method]);
      if (handler) serveRoute(req, res, handler, buyer.params, `${hostname}:${port}`, { wholeBody: true }).catch((err) => fail(res, err));
      else handle(req, res).catch((err) => fail(res, err));
      return;
    }
    // HEAD is GET without the body (Node.js drops it); OPTIONS says what the route allows.
    const { handlers } = found.route;
    const handler =
      (method === "HEAD" ? handlers.HEAD ?? handlers.GET : method === "OPTIONS" ? preflights.get(found.route) : handlers[method]) ??
      refusals.get(found.route)!;
    serveRoute(req, res, handler, found.params, `${hostname}:${port}`).catch((err) => fail(res, err));
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => {
    process.stdout.write(`Kassa listening on http://${hostname}:${port}\n`);
  });

  // Requests under way are answered, then the process ends (at the latest after 10 s).
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

/** The files Next.js serves as they are (its build's, and public/'s, the hashed assets too): GET and HEAD only. */
function staticFiles(publicDir: string): (pathname: string) => boolean {
  const files = new Set(fs.readdirSync(publicDir, { recursive: true, encoding: "utf8" }).map((name) => `/${name.split(path.sep).join("/")}`));
  return (pathname) => pathname.startsWith("/_next/static/") || files.has(pathname);
}

/** A method the route does not define: 405 in the API's error format, with Allow. */
function methodNotAllowed(route: Route): RouteHandler {
  const allow = Object.keys(route.handlers).join(", ");
  return (req) =>
    runApi(req, async () => {
      const path = new URL(req.url).pathname;
      throw new ApiError("method_not_allowed", "method_not_allowed", `${req.method} is not allowed on ${path}; use ${allow}.`, {
        headers: { Allow: allow },
      });
    });
}

/** OPTIONS of a route without a handler for it: no body, the methods it takes. */
function allowed(route: Route): RouteHandler {
  const allow = ["OPTIONS", ...Object.keys(route.handlers)].join(", ");
  return async () => new Response(null, { status: 204, headers: { Allow: allow, "Cache-Control": "no-store" } });
}

/** An API path no route serves: 400 when it does not even decode, else 404. */
function unroutable(pathname: string): RouteHandler {
  const decodes = pathDecodes(pathname);
  return (req) =>
    runApi(req, async () => {
      if (!decodes) throw new ApiError("validation_error", "invalid_path", "The path has a malformed percent-escape.");
      throw new ApiError("not_found", "unknown_route", `No API route ${req.method} ${pathname.slice(0, 200)}.`);
    });
}

/**
 * Calls a route handler with the request as a fetch Request, and writes its Response. An API
 * handler reads at most one byte past the limit and answers 413 itself; `wholeBody` handlers
 * (the buyer's forms) must not see a body cut short, so a longer one gets the 413 here.
 */
async function serveRoute(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  handler: RouteHandler,
  params: Record<string, string | string[]>,
  listening: string,
  { wholeBody = false } = {},
) {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);

  const method = req.method!;
  const body = method === "GET" || method === "HEAD" ? undefined : await readBody(req, res);
  if (wholeBody && body && body.length > MAX_BODY_BYTES) {
    res.writeHead(413, { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff", "request-id": newRequestId() });
    res.end("The form is too large.\n");
    return;
  }
  const request = new Request(requestUrl(req.url ?? "/", headers.get("host"), listening), {
    method,
    headers,
    body: body as BodyInit | undefined,
  });
  const response = await handler(request, { params: Promise.resolve(params) });

  const out: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => {
    if (key === "set-cookie") return;
    out[key] = value;
  });
  // A preflight answers without runApi; it still carries a Request-Id, as every API answer does.
  if (!out["request-id"]) out["request-id"] = newRequestId();
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) out["set-cookie"] = cookies;
  let payload = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  // A page's HTML is compressed, as Next.js would (JSON answers are small, and left alone).
  if (payload && payload.length > 1024 && String(out["content-type"]).startsWith("text/html") && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
    payload = gzipSync(payload);
    out["content-encoding"] = "gzip";
    out.vary = out.vary ? `${out.vary}, Accept-Encoding` : "Accept-Encoding";
  }
  if (payload) out["content-length"] = String(payload.length);
  res.writeHead(response.status, out);
  res.end(payload);
}

/** The request's URL from its Host header, or from our own address when that header is unusable. */
function requestUrl(target: string, host: string | null, listening: string): URL {
  try {
    if (host) return new URL(target, `http://${host}`);
  } catch {
    // a Host header no URL can carry: answer as ourselves rather than fail
  }
  return new URL(target, `http://${listening}`);
}

// Past the limit the rest of a body is read and dropped, so that the client can finish
// sending and then read the 413; past this much more, the connection is cut instead.
const DRAIN_BYTES = 16 * MAX_BODY_BYTES;

/** The body, up to one byte past the API's limit: enough for the handler to answer 413. */
function readBody(req: http.IncomingMessage, res: http.ServerResponse): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const kept = () => Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES + 1);
    const onData = (chunk: Buffer) => {
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      size += chunk.length;
      if (size > DRAIN_BYTES) {
        req.off("data", onData);
        req.pause();
        res.once("finish", () => req.socket.destroy());
        resolve(kept());
      }
    };
    req.on("data", onData);
    req.once("end", () => resolve(size > MAX_BODY_BYTES ? kept() : Buffer.concat(chunks, size)));
    req.once("error", reject);
  });
}

/** What escaped a handler: logged (without query parameters), answered as the API's 500. */
function fail(res: http.ServerResponse, err: unknown) {
  const requestId = newRequestId();
  log.error({ requestId, err }, "request failed");
  if (res.headersSent) return void res.destroy();
  answerError(res, toApiError(err), requestId);
}

/** An error in the API's format, written without a handler (and logged, when `path` is given). */
function answerError(res: http.ServerResponse, err: ApiError, requestId: string, path?: string) {
  res.writeHead(errorStatus(err), {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "request-id": requestId,
    ...err.http.headers,
  });
  res.end(JSON.stringify(errorBody(err, requestId)));
  if (path !== undefined) log.info({ requestId, method: res.req.method, path, status: errorStatus(err) }, "request");
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
