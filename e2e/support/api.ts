import { inject } from "vitest";

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
    const res = await fetch(baseUrl + path, { method, headers, body: payload, redirect: "manual" });
    const text = await res.text();
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
