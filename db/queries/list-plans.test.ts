import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../client";
import { PGliteThread } from "../pglite-thread";
import * as schema from "../schema";
import { listEvents } from "./events";
import { listSessions } from "./sessions";
import { listDeliveries, listEndpoints } from "./webhooks";

// Every list answers newest first from an index, reading only the page it returns. An index
// built `created_at DESC` (NULLS LAST) cannot give `ORDER BY created_at DESC` (NULLS FIRST):
// the list then read and sorted every row of the merchant, and grew slower with each session.
describe("list queries", () => {
  let client: PGliteThread;
  let db: Database;
  const sent: { sql: string; params: unknown[] }[] = [];

  beforeAll(async () => {
    client = await PGliteThread.open(null, { maintenanceIntervalMs: 0 });
    const logger = { logQuery: (sql: string, params: unknown[]) => void sent.push({ sql, params }) };
    const d = drizzle({ client: client as unknown as PGlite, schema, logger });
    await migrate(d, { migrationsFolder: path.join(process.cwd(), "db", "migrations") });
    db = d as unknown as Database;
  }, 60_000);
  afterAll(() => client.close());

  /** The plan of the one statement `list` sends, when sorting is all but forbidden. */
  async function planOf(list: () => Promise<unknown>): Promise<string> {
    sent.length = 0;
    await list();
    expect(sent).toHaveLength(1);
    const { sql, params } = sent[0]!;
    return client.transaction(async (tx) => {
      await tx.query("set local enable_sort = off");
      await tx.query("set local enable_incremental_sort = off");
      await tx.query("set local enable_seqscan = off");
      const plan = await tx.query<{ "QUERY PLAN": string }>(`explain ${sql}`, params);
      return plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
  }

  const scope = { merchantId: "mer_plan", livemode: false, limit: 10 };
  it.each([
    ["sessions", "checkout_sessions_list_idx", () => listSessions(db, scope)],
    ["events", "events_list_idx", () => listEvents(db, scope)],
    ["webhook endpoints", "webhook_endpoints_merchant_idx", () => listEndpoints(db, scope)],
    ["deliveries", "webhook_deliveries_endpoint_idx", () => listDeliveries(db, { ...scope, endpointId: "we_plan" })],
  ])("%s come in order from %s, with no sort", async (_, index, list) => {
    const plan = await planOf(list);
    expect(plan).toContain(index);
    expect(plan).not.toMatch(/Sort/);
  });
});
