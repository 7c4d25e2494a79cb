// Starts e2e/support/receiver-server.mjs as a separate process on a loopback port.
import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";

export type Answer = {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  delayMs?: number;
  /** Never answer: hold the connection open until the sender gives up. */
  hang?: boolean;
};

export type RouteConfig = { secret: string; script?: Answer[]; fallback?: Answer };

export type Received = {
  path: string;
  receivedAt: number;
  webhookId: string;
  timestamp: string;
  signature: string;
  contentType: string | null;
  userAgent: string | null;
  verified: boolean;
  verifyError: string | null;
  type: string | null;
  objectId: string | null;
  body?: string;
  /** When the answer was sent; null while the receiver still holds the request (or never answered). */
  answeredAt: number | null;
};

export type Receiver = {
  url(path: string): string;
  route(path: string, cfg: RouteConfig): Promise<void>;
  requests(path?: string, opts?: { bodies?: boolean }): Promise<Received[]>;
  stop(): Promise<void>;
};

export async function startReceiver(): Promise<Receiver> {
  const child = spawn(process.execPath, [path.join(__dirname, "receiver-server.mjs")], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once("line", (line) => resolve((JSON.parse(line) as { port: number }).port));
    child.once("exit", (code) => reject(new Error(`receiver exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    url: (p) => `${base}${p}`,
    async route(p, cfg) {
      const res = await fetch(`${base}/_control/routes?path=${encodeURIComponent(p)}`, {
        method: "PUT",
        body: JSON.stringify(cfg),
      });
      if (!res.ok) throw new Error(`receiver route: ${res.status}`);
    },
    async requests(p, opts = {}) {
      const q = new URLSearchParams();
      if (p) q.set("path", p);
      if (opts.bodies) q.set("bodies", "1");
      return (await fetch(`${base}/_control/requests?${q}`)).json() as Promise<Received[]>;
    },
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
