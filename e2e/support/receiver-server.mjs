// A webhook receiver in its own process, as a merchant's server would be: it verifies every
// delivery with the standardwebhooks library and answers as the test scripted it.
// Control API (JSON): PUT /_control/routes?path=/x {secret, script?, fallback?} and
// GET /_control/requests?path=/x. Every other path receives webhooks.
import http from "node:http";
import { Webhook } from "standardwebhooks";

/** @type {Map<string, {secret: string | null, script: object[], fallback: object}>} */
const routes = new Map();
const received = [];
const hanging = new Set();

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function json(res, status, value) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(value));
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, "http://receiver");
  const body = await readBody(req);

  if (url.pathname === "/_control/routes" && req.method === "PUT") {
    const cfg = JSON.parse(body);
    routes.set(url.searchParams.get("path"), {
      secret: cfg.secret ?? null,
      script: cfg.script ?? [],
      fallback: cfg.fallback ?? { status: 200 },
    });
    return json(res, 200, { ok: true });
  }
  if (url.pathname === "/_control/requests" && req.method === "GET") {
    const path = url.searchParams.get("path");
    const withBodies = url.searchParams.get("bodies") === "1";
    const list = received
      .filter((r) => path === null || r.path === path)
      .map((r) => (withBodies ? r : { ...r, body: undefined }));
    return json(res, 200, list);
  }

  const route = routes.get(url.pathname);
  const headers = {
    "webhook-id": req.headers["webhook-id"] ?? "",
    "webhook-timestamp": req.headers["webhook-timestamp"] ?? "",
    "webhook-signature": req.headers["webhook-signature"] ?? "",
  };
  let verified = false;
  let verifyError = null;
  let type = null;
  let objectId = null;
  try {
    if (!route?.secret) throw new Error("no secret configured for this path");
    const event = new Webhook(route.secret).verify(body, headers);
    verified = true;
    type = event.type;
    objectId = event.data?.object?.id ?? null;
  } catch (err) {
    verifyError = String(err?.message ?? err);
  }
  const record = {
    path: url.pathname,
    method: req.method,
    receivedAt: Date.now(),
    webhookId: headers["webhook-id"],
    timestamp: headers["webhook-timestamp"],
    signature: headers["webhook-signature"],
    contentType: req.headers["content-type"] ?? null,
    userAgent: req.headers["user-agent"] ?? null,
    verified,
    verifyError,
    type,
    objectId,
    body,
    answeredAt: null,
  };
  received.push(record);
  res.on("finish", () => (record.answeredAt = Date.now()));

  if (!route) return json(res, 404, { error: "no such route" });
  if (!verified) return json(res, 400, { error: "invalid signature", detail: verifyError });
  const answer = route.script.length > 0 ? route.script.shift() : route.fallback;
  if (answer.hang) {
    hanging.add(res);
    res.on("close", () => hanging.delete(res));
    return;
  }
  const respond = () => {
    res.writeHead(answer.status, { "content-type": "text/plain", ...(answer.headers ?? {}) });
    res.end(answer.body ?? (answer.status < 300 ? "ok" : `status ${answer.status}`));
  };
  if (answer.delayMs) setTimeout(respond, answer.delayMs);
  else respond();
});

server.keepAliveTimeout = 1000;
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.on("SIGTERM", () => {
  for (const res of hanging) res.destroy();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 500).unref();
});
