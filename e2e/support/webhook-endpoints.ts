// A webhook receiver for one test file, and the endpoints its tests point at it.
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import type { client } from "./api";
import { startReceiver, type Receiver } from "./receiver";

/**
 * Starts a receiver before the file's tests and stops it after them. Each endpoint a test
 * subscribes is deleted after that test: one left behind would receive the events of the
 * files that run after this one.
 */
export function useWebhookReceiver(api: () => ReturnType<typeof client>) {
  let receiver: Receiver;
  const endpoints: string[] = [];
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterEach(async () => {
    for (const id of endpoints.splice(0)) await api().request("DELETE", `/api/v1/webhook-endpoints/${id}`);
  });
  afterAll(async () => {
    await receiver.stop();
  });
  return {
    get receiver(): Receiver {
      return receiver;
    },
    /** An endpoint for `events` delivering to `path`, whose signatures the receiver checks. */
    async subscribe(path: string, events: string[]): Promise<{ id: string; secret: string }> {
      const hook = await api().post("/api/v1/webhook-endpoints", { url: receiver.url(path), events });
      expect(hook.status, hook.text).toBe(201);
      endpoints.push(hook.body.id);
      await receiver.route(path, { secret: hook.body.secret });
      return hook.body;
    },
  };
}
