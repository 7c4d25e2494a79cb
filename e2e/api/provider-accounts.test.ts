// Provider accounts (SPEC 8) on a server of its own whose PAYSTACK_BASE_URL is the Paystack
// emulator: connecting checks the key with Paystack, nothing secret is ever answered, logged
// or stored in clear, and each account is seen only by its merchant and mode.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { client } from "../support/api";
import { startPaystackEmulator, type PaystackEmulator } from "../support/paystack";
import { cli, createMerchantViaCli, freshDatabase, type Database, type MerchantKeys, type Server, startServer } from "../support/stack";
import { waitFor } from "../support/wait";

/** A Paystack-shaped secret key, random but for its last four characters. */
const paystackKey = (mode: "test" | "live", last4: string) =>
  `sk_${mode}_${randomBytes(30).toString("hex").slice(0, 36)}${last4}`;

const TEST_KEY = paystackKey("test", "abcd");
const TEST_KEY_2 = paystackKey("test", "wxyz");
const LIVE_KEY = paystackKey("live", "4f2a");
// Well formed, but Paystack (the emulator) has never issued it.
const UNKNOWN_KEY = paystackKey("test", "dead");
const CLI_KEY = paystackKey("test", "c1c1");
const SECRETS = [TEST_KEY, TEST_KEY_2, LIVE_KEY, UNKNOWN_KEY, CLI_KEY];

const PATH = "/api/v1/provider-accounts";

/** No secret key, whole or its random part, appears in `text`. */
function expectNoSecret(text: string) {
  for (const secret of SECRETS) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(secret.slice(8, -4));
  }
}

let emulator: PaystackEmulator;
let db: Database;
let server: Server;
let merchantA: MerchantKeys;
let merchantB: MerchantKeys;
let a: ReturnType<typeof client>;
let aLive: ReturnType<typeof client>;
let b: ReturnType<typeof client>;

beforeAll(async () => {
  emulator = await startPaystackEmulator();
  for (const secretKey of [TEST_KEY, TEST_KEY_2, LIVE_KEY, CLI_KEY]) await emulator.registerKey({ secretKey });
  db = await freshDatabase();
  merchantA = await createMerchantViaCli(db, "Lagos Provisions");
  merchantB = await createMerchantViaCli(db, "Another Shop");
  server = await startServer(db, { PAYSTACK_BASE_URL: emulator.url, LOG_LEVEL: "trace" });
  a = client(merchantA.testKey, server.url);
  aLive = client(merchantA.liveKey, server.url);
  b = client(merchantB.testKey, server.url);
});

afterAll(async () => {
  await server?.stop();
  await emulator?.stop();
  await db?.drop();
});

const patch = (api: ReturnType<typeof client>, id: string, body: unknown) => api.request("PATCH", `${PATH}/${id}`, { body });
const del = (api: ReturnType<typeof client>, id: string) => api.request("DELETE", `${PATH}/${id}`);

async function connect(api = a, body: Record<string, unknown> = {}, headers?: Record<string, string>) {
  return api.post(PATH, { provider: "paystack", credentials: { secretKey: TEST_KEY }, ...body }, headers);
}

async function connected(api = a, body: Record<string, unknown> = {}) {
  const res = await connect(api, body);
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; [k: string]: any };
}

const balanceCalls = async () => (await emulator.requests({ path: "/balance" })).length;

describe("connecting a Paystack account", () => {
  it("checks the key with Paystack, then answers the account with a hint of the key and its webhook URL", async () => {
    const before = await balanceCalls();
    const res = await connect();
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^pa_[0-9A-Za-z]{24}$/),
      object: "provider_account",
      provider: "paystack",
      livemode: false,
      rails: ["card", "transfer", "virtual_account", "ussd", "direct_debit"],
      currencies: ["NGN"],
      status: "active",
      credentialsHint: "sk_test_…abcd",
      webhookUrl: `${server.url}/api/v1/provider-events/${res.body.id}`,
      createdAt: expect.any(String),
    });
    expectNoSecret(res.text);
    const calls = await emulator.requests({ path: "/balance" });
    expect(calls).toHaveLength(before + 1);
    expect(calls.at(-1)).toMatchObject({ method: "GET", status: 200, keyHint: "abcd" });
  });

  it("takes a subset of Paystack's rails and currencies, the currencies in any case", async () => {
    const account = await connected(a, { rails: ["transfer", "card"], currencies: ["ngn"] });
    expect(account.rails).toEqual(["transfer", "card"]);
    expect(account.currencies).toEqual(["NGN"]);
  });

  it("refuses a key Paystack refuses, naming Paystack's answer, and saves nothing", async () => {
    const before = (await a.get(`${PATH}?limit=100`)).body.data.length;
    const res = await connect(a, { credentials: { secretKey: UNKNOWN_KEY } });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      type: "validation_error",
      code: "provider_credentials_invalid",
      message: "Paystack refused the key: Invalid key",
      issues: [{ path: ["credentials"], code: "custom", message: "Paystack refused these credentials" }],
      requestId: expect.stringMatching(/^req_/),
    });
    expectNoSecret(res.text);
    expect((await a.get(`${PATH}?limit=100`)).body.data.length).toBe(before);
  });

  it("refuses a live key on a test API key (and a test key on a live one) without asking Paystack", async () => {
    const before = await balanceCalls();
    const res = await connect(a, { credentials: { secretKey: LIVE_KEY } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      type: "validation_error",
      code: "provider_credentials_mode_mismatch",
      issues: [{ path: ["credentials"], code: "custom", message: "must be Paystack test credentials" }],
    });
    expect(res.body.error.message).toContain("Paystack live credentials");
    expect(res.body.error.message).toContain("Use your Paystack test secret key here");
    expectNoSecret(res.text);

    const live = await connect(aLive);
    expect(live.status).toBe(400);
    expect(live.body.error.code).toBe("provider_credentials_mode_mismatch");
    expect(live.body.error.message).toContain("Use your Paystack live secret key here");
    expect(await balanceCalls()).toBe(before);
  });

  it.each([
    ["an unknown provider", { provider: "acme" }, ["provider"]],
    ["no provider", { provider: undefined }, ["provider"]],
    ["credentials that are not a Paystack secret key", { credentials: { secretKey: "pk_test_0123456789abcdef0123" } }, ["credentials", "secretKey"]],
    ["a secret key in the wrong field", { credentials: { key: TEST_KEY } }, ["credentials", "secretKey"]],
    ["a rail Paystack does not serve", { rails: ["card", "pix"] }, ["rails", 1]],
    ["a currency Paystack does not serve", { currencies: ["USD"] }, ["currencies", 0]],
    ["a repeated rail", { rails: ["card", "card"] }, ["rails"]],
    ["an unknown field", { webhookSecret: "x" }, []],
  ])("refuses %s as a 400 on the field, without echoing any secret", async (_what, body, path) => {
    const before = await balanceCalls();
    const res = await connect(a, body);
    expect(res.status).toBe(400);
    expect(res.body.error.type).toBe("validation_error");
    expect(res.body.error.issues.map((i: { path: unknown[] }) => i.path)).toContainEqual(path);
    expectNoSecret(res.text);
    expect(await balanceCalls()).toBe(before);
  });

  it("answers 502 provider_unavailable when Paystack fails, and a retry with the same Idempotency-Key then succeeds", async () => {
    await emulator.addFault({ path: "^/balance$", mode: "500", times: 1 });
    const key = { "Idempotency-Key": `connect-${randomBytes(6).toString("hex")}` };
    const res = await connect(a, {}, key);
    expect(res.status).toBe(502);
    expect(res.body.error).toMatchObject({ type: "provider_error", code: "provider_unavailable" });
    expect(res.body.error.message).toContain("Paystack could not be asked");
    expectNoSecret(res.text);

    const retry = await connect(a, {}, key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBeNull();
    const replay = await connect(a, {}, key);
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.text).toBe(retry.text);
  });

  it("holds no database transaction while Paystack answers: a slow check stalls no other request", async () => {
    await emulator.setLatency(2000);
    try {
      const asked = (await emulator.requests({ path: "/balance" })).length;
      const finished: string[] = [];
      const connecting = connect(a, {}, { "Idempotency-Key": `slow-${randomBytes(6).toString("hex")}` }).then((r) => {
        finished.push("connect");
        return r;
      });
      // Once Kassa is waiting for Paystack, write something else.
      await waitFor(async () => ((await emulator.requests({ path: "/balance" })).length > asked ? true : undefined), { what: "the balance call" });
      const session = await a.post("/api/v1/checkout/sessions", { amount: 5000, currency: "NGN", successUrl: "https://shop.example.com/ok" });
      finished.push("session");
      expect(session.status).toBe(201);
      expect((await connecting).status).toBe(201);
      expect(finished).toEqual(["session", "connect"]);
    } finally {
      await emulator.setLatency(0);
    }
  });
});

describe("listing, reading, changing and disconnecting accounts", () => {
  it("lists the mode's accounts newest first, a page at a time", async () => {
    const first = await connected();
    const second = await connected();
    const page = await a.get(`${PATH}?limit=2`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ object: "list", hasMore: true });
    expect(page.body.data.map((x: { id: string }) => x.id)).toEqual([second.id, first.id]);
    expectNoSecret(page.text);
    const next = await a.get(`${PATH}?limit=1&startingAfter=${second.id}`);
    expect(next.body.data[0].id).toBe(first.id);
    const back = await a.get(`${PATH}?limit=1&endingBefore=${first.id}`);
    expect(back.body.data[0].id).toBe(second.id);
    expect((await a.get(`${PATH}?startingAfter=pa_nonexistent0000000000000`)).status).toBe(404);
  });

  it("retrieves an account as it was answered on connect", async () => {
    const account = await connected();
    const res = await a.get(`${PATH}/${account.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(account);
    for (const id of ["pa_nonexistent0000000000000", "we_notanaccount000000000000", "x"]) {
      expect((await a.get(`${PATH}/${id}`)).body.error).toMatchObject({ type: "not_found", code: "resource_missing" });
    }
  });

  it("changes rails, currencies and status", async () => {
    const account = await connected();
    const res = await patch(a, account.id, { rails: ["ussd"], currencies: ["NGN"], status: "disabled" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...account, rails: ["ussd"], currencies: ["NGN"], status: "disabled" });
    expect((await a.get(`${PATH}/${account.id}`)).body.status).toBe("disabled");
    expect((await patch(a, account.id, { status: "active" })).body.status).toBe("active");
  });

  it("replaces the credentials only with ones Paystack accepts, of the same mode", async () => {
    const account = await connected();
    const changed = await patch(a, account.id, { credentials: { secretKey: TEST_KEY_2 } });
    expect(changed.status).toBe(200);
    expect(changed.body.credentialsHint).toBe("sk_test_…wxyz");
    expectNoSecret(changed.text);
    expect((await emulator.requests({ path: "/balance" })).at(-1)?.keyHint).toBe("wxyz");

    const refused = await patch(a, account.id, { credentials: { secretKey: UNKNOWN_KEY } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: "provider_credentials_invalid", message: "Paystack refused the key: Invalid key" });
    const mismatch = await patch(a, account.id, { credentials: { secretKey: LIVE_KEY } });
    expect(mismatch.body.error.code).toBe("provider_credentials_mode_mismatch");
    expect((await a.get(`${PATH}/${account.id}`)).body.credentialsHint).toBe("sk_test_…wxyz");
  });

  it.each([
    ["nothing to change", {}],
    ["a rail Paystack does not serve", { rails: ["boleto"] }],
    ["an unknown status", { status: "paused" }],
    ["malformed credentials", { credentials: { secretKey: "hunter2" } }],
  ])("refuses a change of %s", async (_what, body) => {
    const account = await connected();
    const res = await patch(a, account.id, body);
    expect(res.status).toBe(400);
    expect(res.body.error.type).toBe("validation_error");
    expect((await a.get(`${PATH}/${account.id}`)).body).toEqual(account);
  });

  it("disconnects an account: answered like a deleted webhook endpoint, then 404 and out of the list", async () => {
    const account = await connected();
    const res = await del(a, account.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: account.id, object: "provider_account", deleted: true });
    expect((await a.get(`${PATH}/${account.id}`)).status).toBe(404);
    expect((await patch(a, account.id, { status: "active" })).status).toBe(404);
    expect((await del(a, account.id)).status).toBe(404);
    const list = await a.get(`${PATH}?limit=100`);
    expect(list.body.data.map((x: { id: string }) => x.id)).not.toContain(account.id);
  });

  it("routes a payment to an active account only: a disabled or disconnected one leaves it to the sandbox", async () => {
    const charges = async () => (await emulator.requests({ path: "/charge", method: "POST" })).length;
    const payTransfer = async () => {
      const s = await a.post("/api/v1/checkout/sessions", {
        amount: 250000,
        currency: "NGN",
        paymentMethods: ["transfer"],
        customer: { email: "ada@example.com" },
        successUrl: "https://shop.example.com/ok",
      });
      expect(s.status).toBe(201);
      const res = await client(null, server.url).post(`/api/v1/checkout/${s.body.id}/pay`, { rail: "transfer" });
      expect(res.status, res.text).toBe(200);
    };
    // Only this test's account serves transfers from here on.
    for (const old of (await a.get(`${PATH}?limit=100`)).body.data) await del(a, old.id);
    const account = await connected(a, { rails: ["transfer"] });

    let before = await charges();
    await payTransfer();
    expect(await charges()).toBe(before + 1);

    await patch(a, account.id, { status: "disabled" });
    before = await charges();
    await payTransfer();
    expect(await charges()).toBe(before);

    await patch(a, account.id, { status: "active" });
    await del(a, account.id);
    await payTransfer();
    expect(await charges()).toBe(before);
  });
});

describe("who sees an account", () => {
  it("is its merchant only: another merchant's key gets 404 for it and never lists it", async () => {
    const account = await connected();
    expect((await b.get(`${PATH}/${account.id}`)).status).toBe(404);
    expect((await patch(b, account.id, { status: "disabled" })).status).toBe(404);
    expect((await del(b, account.id)).status).toBe(404);
    expect((await b.get(`${PATH}?limit=100`)).body.data).toEqual([]);
    expect((await b.get(`${PATH}?startingAfter=${account.id}`)).status).toBe(404);
    expect((await a.get(`${PATH}/${account.id}`)).body.status).toBe("active");
  });

  it("is its mode only: a live key manages live accounts, a test key never sees them", async () => {
    const live = await connected(aLive, { credentials: { secretKey: LIVE_KEY } });
    expect(live).toMatchObject({ livemode: true, credentialsHint: "sk_live_…4f2a" });
    expect((await a.get(`${PATH}/${live.id}`)).status).toBe(404);
    expect((await a.get(`${PATH}?limit=100`)).body.data.map((x: { id: string }) => x.id)).not.toContain(live.id);
    expect((await del(a, live.id)).status).toBe(404);
    const liveList = (await aLive.get(`${PATH}?limit=100`)).body.data;
    expect(liveList.map((x: { id: string }) => x.id)).toEqual([live.id]);
    const test = await connected();
    expect((await aLive.get(`${PATH}/${test.id}`)).status).toBe(404);
  });
});

describe("secrets at rest and in logs", () => {
  it("stores no secret key in clear in any table, and the server logs none", async () => {
    await server.stop();
    const handle = await openDatabase({ url: db.url, dataDir: db.dataDir, poolSize: 1 });
    try {
      const names = rowsOf<{ table_name: string }>(
        await handle.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`),
      );
      expect(names.map((t) => t.table_name)).toContain("provider_accounts");
      let dump = "";
      for (const { table_name } of names) {
        const rows = await handle.db.execute(sql.raw(`select t::text as row from "${table_name}" t`));
        for (const r of rowsOf<{ row: string }>(rows)) dump += `${r.row}\n`;
      }
      expect(dump).toContain("sk_test_…abcd");
      expect(dump).toContain("sk_live_…4f2a");
      expectNoSecret(dump);
    } finally {
      await handle.close();
    }
    const log = server.output();
    expect(log).toContain("/api/v1/provider-accounts");
    expectNoSecret(log);
  });
});

describe("kassa provider (CLI)", () => {
  let cliDb: Database;
  let merchant: MerchantKeys;
  const saved = { base: process.env.PAYSTACK_BASE_URL, secret: process.env.KASSA_SECRET };

  beforeAll(async () => {
    // The CLI opens the database itself: the embedded one only while no server holds it.
    cliDb = await freshDatabase();
    process.env.PAYSTACK_BASE_URL = emulator.url;
    if (cliDb.url) process.env.KASSA_SECRET ??= "test-only-secret-0123456789abcdefghij";
    merchant = await createMerchantViaCli(cliDb, "CLI Shop");
  });

  afterAll(async () => {
    for (const [name, value] of [["PAYSTACK_BASE_URL", saved.base], ["KASSA_SECRET", saved.secret]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await cliDb?.drop();
  });

  const connectArgs = (secretKey: string, extra: string[] = []) => [
    "provider", "connect", "--merchant", merchant.id, "--mode", "test", "--provider", "paystack", "--secret-key", secretKey, ...extra,
  ];

  it("connects, lists and disconnects an account, printing its webhook URL to paste into Paystack", async () => {
    const { stdout } = await cli(cliDb, connectArgs(CLI_KEY, ["--rails", "card,transfer"]));
    const id = /Connected (pa_[0-9A-Za-z]{24}) \(paystack, test, active\): card, transfer in NGN; key sk_test_…c1c1/.exec(stdout)?.[1];
    expect(id, stdout).toBeDefined();
    expect(stdout).toMatch(new RegExp(`Webhook URL: \\S+/api/v1/provider-events/${id}`));
    expect(stdout).toContain("Paste it into your Paystack dashboard as the test webhook URL");
    expectNoSecret(stdout);

    const json = JSON.parse((await cli(cliDb, connectArgs(CLI_KEY, ["--json"]))).stdout);
    expect(json).toMatchObject({ object: "provider_account", provider: "paystack", livemode: false, rails: ["card", "transfer", "virtual_account", "ussd", "direct_debit"] });
    expect(json.webhookUrl).toMatch(new RegExp(`/api/v1/provider-events/${json.id}$`));

    const listed = JSON.parse((await cli(cliDb, ["provider", "list", "--merchant", merchant.id, "--json"])).stdout);
    expect(listed.data.map((x: { id: string }) => x.id)).toEqual([json.id, id]);
    const text = (await cli(cliDb, ["provider", "list", "--merchant", merchant.id, "--mode", "test"])).stdout;
    expect(text).toContain(`${id} (paystack, test, active)`);
    expect((await cli(cliDb, ["provider", "list", "--merchant", merchant.id, "--mode", "live"])).stdout).toContain("no provider account in live mode");

    const gone = JSON.parse((await cli(cliDb, ["provider", "disconnect", id!, "--json"])).stdout);
    expect(gone).toEqual({ id, object: "provider_account", deleted: true });
    const after = JSON.parse((await cli(cliDb, ["provider", "list", "--merchant", merchant.id, "--json"])).stdout);
    expect(after.data.map((x: { id: string }) => x.id)).toEqual([json.id]);
    const again = await cli(cliDb, ["provider", "disconnect", id!]).catch((e: { stderr: string; code: number }) => e);
    expect(again).toMatchObject({ code: 2, stderr: expect.stringContaining(`No provider account ${id}`) });
  });

  it("refuses what the API refuses, with the API's message and no secret", async () => {
    const refused = await cli(cliDb, connectArgs(UNKNOWN_KEY)).catch((e: { stderr: string; code: number }) => e);
    expect(refused).toMatchObject({ code: 2, stderr: "kassa: Paystack refused the key: Invalid key\n" });
    const live = await cli(cliDb, connectArgs(LIVE_KEY)).catch((e: { stderr: string; code: number }) => e);
    expect(live).toMatchObject({ code: 2, stderr: expect.stringContaining("Paystack live credentials") });
    const malformed = await cli(cliDb, connectArgs("sk_test_short")).catch((e: { stderr: string; code: number }) => e);
    expect(malformed).toMatchObject({ code: 2, stderr: expect.stringContaining("credentials.secretKey: must be a Paystack secret key") });
    // What the operator sees (the command line itself holds the key, as the operator typed it).
    for (const e of [refused, live, malformed]) expectNoSecret(`${(e as { stdout: string }).stdout}${(e as { stderr: string }).stderr}`);
  });
});

describe("rotating KASSA_SECRET", { timeout: 180_000 }, () => {
  const OLD = "rotation-old-secret-0123456789abcdefghij";
  const NEW = "rotation-new-secret-0123456789abcdefghij";

  it("keeps accounts working through KASSA_PREVIOUS_SECRETS, and seals them again under the new secret on their next change", async () => {
    const rdb = await freshDatabase();
    const servers: Server[] = [];
    const start = async (env: Record<string, string>) => {
      const s = await startServer(rdb, { PAYSTACK_BASE_URL: emulator.url, ...env });
      servers.push(s);
      return s;
    };
    const keyIdOf = async (id: string) => {
      const handle = await openDatabase({ url: rdb.url, dataDir: rdb.dataDir, poolSize: 1 });
      try {
        const rows = rowsOf<{ key_id: string }>(await handle.db.execute(sql`select key_id from provider_accounts where id = ${id}`));
        return rows[0]!.key_id;
      } finally {
        await handle.close();
      }
    };
    // A transfer that only the account can have sent to Paystack: the emulator records its key's last four.
    const payThrough = async (s: Server, key: string) => {
      const session = await client(key, s.url).post("/api/v1/checkout/sessions", {
        amount: 120000,
        currency: "NGN",
        paymentMethods: ["transfer"],
        customer: { email: "ngozi@example.com" },
        successUrl: "https://shop.example.com/ok",
      });
      const paid = await client(null, s.url).post(`/api/v1/checkout/${session.body.id}/pay`, { rail: "transfer" });
      expect(paid.status, paid.text).toBe(200);
      const charge = (await emulator.requests({ path: "/charge", method: "POST" })).at(-1);
      expect(charge?.body).toMatchObject({ reference: expect.any(String) });
      return charge!;
    };
    try {
      const m = await createMerchantViaCli(rdb, "Rotation Shop");
      let s = await start({ KASSA_SECRET: OLD });
      const account = (await client(m.testKey, s.url).post(PATH, { provider: "paystack", credentials: { secretKey: TEST_KEY_2 } })).body;
      expect(account.credentialsHint).toBe("sk_test_…wxyz");
      await s.stop();
      const sealedBefore = await keyIdOf(account.id);

      s = await start({ KASSA_SECRET: NEW, KASSA_PREVIOUS_SECRETS: OLD });
      expect((await payThrough(s, m.testKey)).keyHint).toBe("wxyz");
      const changed = await patch(client(m.testKey, s.url), account.id, { rails: ["transfer", "ussd"] });
      expect(changed.status).toBe(200);
      await s.stop();
      const sealedAfter = await keyIdOf(account.id);
      expect(sealedAfter).not.toBe(sealedBefore);

      // The old secret can go now.
      s = await start({ KASSA_SECRET: NEW });
      expect((await payThrough(s, m.testKey)).keyHint).toBe("wxyz");
      await s.stop();
    } finally {
      for (const s of servers) await s.stop();
      await rdb.drop();
    }
  });
});

/** PGlite answers {rows}, postgres-js an array. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
