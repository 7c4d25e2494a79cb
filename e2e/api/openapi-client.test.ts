// A merchant's developer generates a client from the served document with openapi-typescript's
// default settings, writes a flow with openapi-fetch, type-checks it with `tsc --strict`
// (no cast anywhere) and runs it against the server.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import openapiTS, { astToString } from "openapi-typescript";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { client } from "../support/api";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");

// Written as a merchant would: no `as`, no `!`, no `any`; the types narrow the unions.
const PROGRAM = String.raw`
import createClient from "openapi-fetch";
import type { paths } from "./kassa-api";

function need(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(name + " is not set");
  return value;
}

const baseUrl = need("KASSA_URL");
const kassa = createClient<paths>({ baseUrl, headers: { Authorization: "Bearer " + need("KASSA_KEY") } });
const buyer = createClient<paths>({ baseUrl });

function fail(step: string, status: number, error: unknown): never {
  throw new Error(step + ": " + status + " " + JSON.stringify(error));
}

async function main() {
  const created = await kassa.POST("/api/v1/checkout/sessions", {
    params: { header: { "Idempotency-Key": "flow-" + Date.now() } },
    body: { amount: 250000, currency: "NGN", successUrl: "https://shop.example.com/thanks", metadata: { order: "1001" } },
  });
  if (!created.data) return fail("create", created.response.status, created.error);
  const session = created.data;
  const requestId: string | null = created.response.headers.get("Request-Id");

  const retrieved = await kassa.GET("/api/v1/checkout/sessions/{id}", { params: { path: { id: session.id } } });
  if (!retrieved.data) return fail("retrieve", retrieved.response.status, retrieved.error);
  const mode: "hosted" | "embedded" = retrieved.data.mode;

  const view = await buyer.GET("/api/v1/checkout/{id}", { params: { path: { id: session.id } } });
  if (!view.data) return fail("buyer view", view.response.status, view.error);

  const year = new Date().getUTCFullYear() + 2;
  const paid = await buyer.POST("/api/v1/checkout/{id}/pay", {
    params: { path: { id: session.id } },
    body: { rail: "card", card: { number: "4242424242424242", expMonth: 12, expYear: year, cvc: "123" } },
  });
  if (!paid.data) return fail("pay", paid.response.status, paid.error);
  const payment = paid.data.payment;
  const last4 = payment.rail === "card" ? payment.details?.last4 : null;

  // A transfer on a second session: pending with bank details, confirmed by the sandbox.
  const second = await kassa.POST("/api/v1/checkout/sessions", {
    body: { amount: 5000, currency: "NGN", successUrl: "https://shop.example.com/thanks", paymentMethods: ["transfer"] },
  });
  if (!second.data) return fail("create 2", second.response.status, second.error);
  const transfer = await buyer.POST("/api/v1/checkout/{id}/pay", { params: { path: { id: second.data.id } }, body: { rail: "transfer" } });
  if (!transfer.data) return fail("pay 2", transfer.response.status, transfer.error);
  const action = transfer.data.nextAction;
  const accountNumber = action && action.type === "bank_transfer" ? action.accountNumber : null;
  const confirmed = await kassa.POST("/api/v1/test/payments/{id}/succeed", { params: { path: { id: transfer.data.payment.id } } });
  if (!confirmed.data) return fail("succeed", confirmed.response.status, confirmed.error);
  const bankName = confirmed.data.rail === "transfer" ? confirmed.data.details?.bankName : null;

  const events = await kassa.GET("/api/v1/events", { params: { query: { type: "checkout.session.paid", limit: 100 } } });
  if (!events.data) return fail("events", events.response.status, events.error);
  const paidEvents: string[] = [];
  for (const event of events.data.data) {
    if (event.type === "checkout.session.paid" && (event.data.object.id === session.id || event.data.object.id === second.data.id)) {
      paidEvents.push(event.data.object.status);
    }
  }

  const endpoint = await kassa.POST("/api/v1/webhook-endpoints", {
    body: { url: "http://127.0.0.1:9/kassa-flow", events: ["checkout.session.paid"] },
  });
  if (!endpoint.data) return fail("endpoint", endpoint.response.status, endpoint.error);
  const secret: string = endpoint.data.secret;
  const removed = await kassa.DELETE("/api/v1/webhook-endpoints/{id}", { params: { path: { id: endpoint.data.id } } });
  if (!removed.data) return fail("delete endpoint", removed.response.status, removed.error);

  const missing = await kassa.GET("/api/v1/payments/{id}", { params: { path: { id: "pay_missing" } } });
  const notFound = missing.error ? missing.error.error.type : null;

  console.log(JSON.stringify({
    session: session.id, requestId, mode, viewStatus: view.data.status, status: paid.data.status, last4,
    accountNumber, bankName, confirmed: confirmed.data.status, paidEvents,
    secretPrefix: secret.slice(0, 6), deleted: removed.data.deleted, notFound,
  }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
`;

describe("a client generated from /api/v1/openapi.json", () => {
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kassa-client-"));
    // The program resolves openapi-fetch (and tsc finds @types/node) as in the merchant's own project.
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("type-checks with tsc --strict and no cast, and runs a whole flow", async () => {
    const res = await client(null).get("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    fs.writeFileSync(path.join(dir, "kassa-api.ts"), astToString(await openapiTS(res.body)));
    fs.writeFileSync(path.join(dir, "flow.ts"), PROGRAM);
    expect(PROGRAM).not.toMatch(/\bas\s+[A-Za-z{[("']|\bany\b|[\w)\]]!\./);

    const tsc = await run(
      path.join(ROOT, "node_modules/.bin/tsc"),
      ["--strict", "--noEmit", "--target", "es2022", "--module", "esnext", "--moduleResolution", "bundler", "--types", "node", "flow.ts"],
      { cwd: dir },
    ).catch((err: { stdout: string; stderr: string }) => ({ stdout: err.stdout, stderr: err.stderr, failed: true }));
    expect("failed" in tsc ? `${tsc.stdout}${tsc.stderr}` : "").toBe("");

    const { stdout } = await run(path.join(ROOT, "node_modules/.bin/tsx"), ["flow.ts"], {
      cwd: dir,
      env: { ...process.env, KASSA_URL: inject("baseUrl"), KASSA_KEY: inject("merchantA").testKey },
    });
    const out = JSON.parse(stdout.trim().split("\n").at(-1)!);
    expect(out).toEqual({
      session: expect.stringMatching(/^cs_test_/),
      requestId: expect.stringMatching(/^req_/),
      mode: "hosted",
      viewStatus: "open",
      status: "paid",
      last4: "4242",
      accountNumber: expect.stringMatching(/^\d{10}$/),
      bankName: expect.any(String),
      confirmed: "succeeded",
      paidEvents: ["paid", "paid"],
      secretPrefix: "whsec_",
      deleted: true,
      notFound: "not_found",
    });
  });
});
