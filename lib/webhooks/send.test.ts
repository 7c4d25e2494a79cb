import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendWebhook } from "./send";
import type { Lookup } from "./ssrf";

// A loopback server standing in for a receiver; each test picks its answer by path.
let server: http.Server;
let port: number;
const seen: { path: string; host: string | undefined; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen.push({ path: req.url!, host: req.headers.host, body });
      if (req.url === "/ok") return res.writeHead(200).end("thanks");
      if (req.url === "/big") return res.writeHead(500).end("x".repeat(100_000));
      if (req.url === "/binary") return res.writeHead(200).end(Buffer.from([0x6f, 0, 0x6b, 0]));
      if (req.url === "/moved") return res.writeHead(302, { location: "/ok" }).end();
      if (req.url === "/busy") return res.writeHead(429, { "retry-after": "120" }).end();
      if (req.url === "/hang") return; // never answers
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const send = (url: string, opts: { livemode?: boolean; privateTargets?: "test" | "never"; lookup?: Lookup; timeoutMs?: number } = {}) =>
  sendWebhook({
    url,
    livemode: opts.livemode ?? false,
    privateTargets: opts.privateTargets ?? "test",
    headers: { "webhook-id": "evt_test" },
    body: '{"ok":true}',
    timeoutMs: opts.timeoutMs ?? 2000,
    lookup: opts.lookup,
  });

describe("sendWebhook", () => {
  it("connects to the address it checked, whatever DNS would say later", async () => {
    let lookups = 0;
    const lookup: Lookup = async () => {
      lookups++;
      return [{ address: "127.0.0.1", family: 4 }];
    };
    // No DNS knows this name: the request can only arrive through the checked address.
    const result = await send(`http://receiver.kassa-test.invalid:${port}/ok`, { lookup });
    expect(result).toMatchObject({ status: 200, body: "thanks", error: null });
    expect(lookups).toBe(1);
    expect(seen.at(-1)).toEqual({ path: "/ok", host: `receiver.kassa-test.invalid:${port}`, body: '{"ok":true}' });
  });

  it("refuses at send time a live host that now resolves to a private address, sending nothing", async () => {
    const before = seen.length;
    const result = await send(`https://shop.example:${port}/ok`, {
      livemode: true,
      lookup: async () => [{ address: "127.0.0.1", family: 4 }],
    });
    expect(result).toMatchObject({
      status: null,
      error:
        "Not sent: the host shop.example resolves to a loopback address (127.0.0.1); live endpoints must be reachable on the public internet.",
    });
    expect(seen.length).toBe(before);
  });

  it("refuses at send time a test endpoint on this machine where private targets are never allowed", async () => {
    const before = seen.length;
    const result = await send(`http://127.0.0.1:${port}/ok`, { privateTargets: "never" });
    expect(result).toMatchObject({
      status: null,
      error: "Not sent: 127.0.0.1 is a loopback address; test endpoints on this install must be reachable on the public internet.",
    });
    expect(seen.length).toBe(before);
  });

  it("keeps the first 2 KiB of a response body", async () => {
    const result = await send(`http://127.0.0.1:${port}/big`);
    expect(result.status).toBe(500);
    expect(result.body).toBe("x".repeat(2048));
    expect(result.error).toBe("Answered 500; only a 2xx status counts as delivered.");
  });

  it("keeps a binary answer storable", async () => {
    expect(await send(`http://127.0.0.1:${port}/binary`)).toMatchObject({ status: 200, body: "ok" });
  });

  it("does not follow redirects", async () => {
    const before = seen.length;
    const result = await send(`http://127.0.0.1:${port}/moved`);
    expect(result.status).toBe(302);
    expect(result.error).toContain("redirects are not followed (Location: /ok)");
    expect(seen.slice(before).map((s) => s.path)).toEqual(["/moved"]);
  });

  it("passes Retry-After along on a 429", async () => {
    expect(await send(`http://127.0.0.1:${port}/busy`)).toMatchObject({ status: 429, retryAfter: "120" });
  });

  it("gives up at the timeout", async () => {
    const result = await send(`http://127.0.0.1:${port}/hang`, { timeoutMs: 300 });
    expect(result).toMatchObject({ status: null, error: "Timed out after 300 ms." });
    expect(result.durationMs).toBeGreaterThanOrEqual(295);
    expect(result.durationMs).toBeLessThan(1500);
  });

  it("reports a refused connection", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await send(`http://127.0.0.1:${freePort}/`)).toMatchObject({
      status: null,
      error: "Connection refused (ECONNREFUSED).",
    });
  });
});
