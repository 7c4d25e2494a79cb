import { inject } from "vitest";
import { responseChecker } from "./response-schema";

export type ApiResponse<T = any> = { status: number; headers: Headers; body: T; text: string };

/** A small client for the merchant API with a given key. */
export function client(key: string | null, baseUrl = inject("baseUrl")) {
  async function request<T = any>(method: string, path: string, opts: { body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (key) headers.authorization = `Bearer ${key}`;
    let payload: string | undefined;
    if (opts.raw !== undefined) payload = opts.raw;
    else if (opts.body !== undefined) {
      payload = JSON.stringify(opts.body);
      headers["content-type"] ??= "application/json";
    }
    // Every answer must be the one the OpenAPI document declares (e2e/support/response-schema.ts).
    const check = await responseChecker();
    const res = await fetch(baseUrl + path, { method, headers, body: payload, redirect: "manual" });
    const text = await res.text();
    const problems = check(method, baseUrl + path, res.status, res.headers, text);
    if (problems.length) throw new Error(`response does not match the OpenAPI document:\n${problems.join("\n")}\n${text.slice(0, 2000)}`);
    let body: any = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: res.status, headers: res.headers, body, text };
  }
  return {
    request,
    get: <T = any>(path: string, headers?: Record<string, string>) => request<T>("GET", path, { headers }),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>("POST", path, { body, headers }),
  };
}

let counter = 0;

/** A valid session body with overrides: each test builds what it needs through the API. */
export function sessionBody(overrides: Record<string, unknown> = {}) {
  counter++;
  return {
    amount: 250000,
    currency: "NGN",
    description: `Order #${counter}`,
    successUrl: "https://shop.example.com/thanks?session={CHECKOUT_SESSION_ID}",
    ...overrides,
  };
}

/** Creates a session with the given key and returns its body (throws unless 201). */
export async function createSession(key: string, overrides: Record<string, unknown> = {}) {
  const res = await client(key).post("/api/v1/checkout/sessions", sessionBody(overrides));
  if (res.status !== 201) throw new Error(`session create failed: ${res.status} ${res.text}`);
  return res.body as { id: string; status: string; amount: number; currency: string; [k: string]: any };
}

/** The buyer's side: no key, the session id is the credential. */
export function pay(sessionId: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return client(null).post(`/api/v1/checkout/${sessionId}/pay`, body, headers);
}

export const CARD = (number: string, cvc = number.startsWith("3") ? "1234" : "123") => ({
  rail: "card",
  card: { number, expMonth: 12, expYear: new Date().getUTCFullYear() + 2, cvc },
});

/** Events of one type that concern one session (or one of its payments). */
export async function eventsFor(key: string, type: string, sessionId: string) {
  const res = await client(key).get(`/api/v1/events?type=${type}&limit=100`);
  return (res.body.data as any[]).filter((e) => e.data.object.id === sessionId || e.data.object.session === sessionId);
}
