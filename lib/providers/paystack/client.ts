// Paystack's HTTP API, as its OpenAPI document describes it (../shared/providers/paystack):
// a bearer secret key, JSON both ways, `{status, message, data}` answers. What an answer
// means for Kassa (a refusal, an unknown outcome) is decided here, once.
import type { z } from "zod";
import { env } from "@/lib/env";
import { httpCall, HttpFailure, type HttpAnswer } from "../http";
import { ProviderRefused, ProviderUnreachable } from "../types";

export type PaystackKey = { secretKey: string };

type Call = { method: "GET" | "POST"; path: string; body?: Record<string, unknown>; query?: Record<string, string> };

/**
 * One call to Paystack. A 2xx is parsed with `shape` (the fields Kassa reads); a 4xx is
 * Paystack's refusal (ProviderRefused, with its message); a timeout, a network error, a 5xx
 * or an answer we cannot read leaves the outcome unknown (ProviderUnreachable).
 */
export async function paystack<T extends z.ZodType>(key: PaystackKey, call: Call, shape: T): Promise<z.output<T>> {
  const url = new URL(env().PAYSTACK_BASE_URL.replace(/\/+$/, "") + call.path);
  for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, v);
  let res: HttpAnswer;
  try {
    res = await httpCall({
      method: call.method,
      url,
      headers: {
        Authorization: `Bearer ${key.secretKey}`,
        Accept: "application/json",
        ...(call.body ? { "Content-Type": "application/json" } : {}),
      },
      body: call.body ? JSON.stringify(call.body) : undefined,
      timeoutMs: env().PROVIDER_TIMEOUT_MS,
    });
  } catch (err) {
    // The error says timeout or network, never the URL's query or the key.
    throw new ProviderUnreachable(err instanceof HttpFailure ? err.reason : "network");
  }
  let json: unknown;
  try {
    json = JSON.parse(res.text);
  } catch {
    json = null;
  }
  if (res.status >= 400 && res.status < 500) {
    throw new ProviderRefused(messageOf(json) ?? `Paystack answered ${res.status}.`, res.status);
  }
  if (res.status < 200 || res.status >= 300) throw new ProviderUnreachable(`status ${res.status}`);
  const parsed = shape.safeParse(json);
  if (!parsed.success) throw new ProviderUnreachable("unreadable answer");
  return parsed.data;
}

function messageOf(json: unknown): string | null {
  const m = (json as { message?: unknown } | null)?.message;
  return typeof m === "string" && m ? m.slice(0, 300) : null;
}
