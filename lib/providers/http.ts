// The one HTTP client of the provider adapters: a request with a JSON body, an answer read
// whole, a deadline over all of it. Node's own http and https with kept-alive connections,
// not fetch: under load fetch (undici, web streams, an AbortSignal per call) cost about 2 ms
// of CPU a call here, which is most of what paying through a processor costs Kassa.
import http from "node:http";
import https from "node:https";

export type HttpCall = {
  method: "GET" | "POST" | "PUT" | "DELETE";
  url: URL;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
};

export type HttpAnswer = { status: number; text: string };

/** Thrown for a timeout (`reason: "timeout"`) or a connection that failed (`"network"`). */
export class HttpFailure extends Error {
  constructor(readonly reason: "timeout" | "network") {
    super(reason === "timeout" ? "the provider did not answer in time" : "the provider could not be reached");
  }
}

/** Answers larger than this are not a provider's JSON: the call fails rather than filling memory. */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

// An idle connection is closed after 4 s, before the other side tires of it (Node's own
// servers close theirs after 5 s): a request written into a connection the server is closing
// that very moment would fail, and leave a payment's outcome unknown for nothing.
const AGENT = { keepAlive: true, maxSockets: 256, timeout: 4_000 };
const agents = { "http:": new http.Agent(AGENT), "https:": new https.Agent(AGENT) };

/** One call; redirects are not followed (a 3xx is returned as it is). */
export function httpCall(call: HttpCall): Promise<HttpAnswer> {
  const protocol = call.url.protocol;
  if (protocol !== "http:" && protocol !== "https:") return Promise.reject(new HttpFailure("network"));
  const send = protocol === "https:" ? https.request : http.request;
  return new Promise<HttpAnswer>((resolve, reject) => {
    let settled = false;
    const finish = (err: HttpFailure | null, answer?: HttpAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(answer!);
    };
    const headers: Record<string, string | number> = { ...call.headers };
    if (call.body !== undefined) headers["Content-Length"] = Buffer.byteLength(call.body);
    const req = send(call.url, { method: call.method, headers, agent: agents[protocol] }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) finish(new HttpFailure("network"));
        else chunks.push(chunk);
      });
      res.on("end", () => finish(null, { status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", () => finish(new HttpFailure("network")));
      res.on("aborted", () => finish(new HttpFailure("network")));
    });
    const timer = setTimeout(() => finish(new HttpFailure("timeout")), call.timeoutMs);
    req.on("error", () => finish(new HttpFailure("network")));
    req.end(call.body);
  });
}
