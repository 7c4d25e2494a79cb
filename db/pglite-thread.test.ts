import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PGliteThread } from "./pglite-thread";

// A real PGlite on its own thread: what openDatabase gives the app without DATABASE_URL.
describe("PGliteThread", () => {
  let db: PGliteThread;
  beforeAll(async () => {
    db = await PGliteThread.open(null);
    await db.query("create table items (id text primary key, n bigint not null, tags text[], body jsonb, at timestamptz)");
  }, 60_000);
  afterAll(() => db.close());

  it("binds parameters and parses results as PGlite does, in object and array rows", async () => {
    const at = new Date("2026-12-01T10:00:00.000Z");
    const inserted = await db.query(
      "insert into items (id, n, tags, body, at) values ($1, $2, $3, $4, $5) returning id, n, tags, body, at",
      ["a", 250000, ["x", "y"], { k: [1, "é"] }, at],
    );
    expect(inserted.rows).toEqual([{ id: "a", n: 250000, tags: ["x", "y"], body: { k: [1, "é"] }, at }]);
    expect(inserted.affectedRows).toBe(1);
    // The same text again runs the statement prepared the first time.
    await db.query("insert into items (id, n, tags, body, at) values ($1, $2, $3, $4, $5) returning id, n, tags, body, at", ["b", 2, null, null, null]);
    const arrays = await db.query("select id, n from items order by id", [], { rowMode: "array" });
    expect(arrays.rows).toEqual([["a", 250000], ["b", 2]]);
  });

  it("keeps the types drizzle asks for as PostgreSQL's text", async () => {
    const parsers = { 1184: (v: string) => v };
    const r = await db.query<{ at: string }>("select at from items where id = $1", ["a"], { parsers });
    expect(r.rows[0]!.at).toBe("2026-12-01 10:00:00+00");
  });

  it("throws the database's error with its fields, and goes on after it", async () => {
    const err = await db.query("insert into items (id, n) values ($1, $2)", ["a", 1]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ code: "23505", constraint: "items_pkey", message: expect.stringContaining("duplicate key") });
    expect(Object.keys(err as object)).not.toContain("params");
    expect((await db.query("select count(*)::int as c from items")).rows).toEqual([{ c: 2 }]);
  });

  it("commits a transaction, and undoes one whose function throws", async () => {
    await db.transaction(async (tx) => {
      await tx.query("insert into items (id, n) values ($1, $2)", ["t1", 1]);
    });
    const failed = db.transaction(async (tx) => {
      await tx.query("insert into items (id, n) values ($1, $2)", ["t2", 1]);
      throw new Error("changed my mind");
    });
    await expect(failed).rejects.toThrow("changed my mind");
    const ids = (await db.query<{ id: string }>("select id from items where id like 't%' order by id")).rows.map((r) => r.id);
    expect(ids).toEqual(["t1"]);
  });

  it("runs a statement asked for during a transaction after it, not inside it", async () => {
    let inside!: () => void;
    const waiting = new Promise<void>((resolve) => (inside = resolve));
    const tx = db.transaction(async (t) => {
      await t.query("insert into items (id, n) values ($1, $2)", ["u1", 1]);
      inside();
      // Both statements of the transaction, asked for together.
      await Promise.all([t.query("update items set n = 2 where id = $1", ["u1"]), t.query("select 1")]);
      throw new Error("roll back");
    });
    await waiting;
    // Would see u1 if it ran inside the open transaction.
    const outside = db.query("select count(*)::int as c from items where id = $1", ["u1"]);
    await expect(tx).rejects.toThrow("roll back");
    expect((await outside).rows).toEqual([{ c: 0 }]);
  });

  it("runs transactions asked for together one after another, each whole", async () => {
    await db.query("create table counter (n int not null)");
    await db.query("insert into counter values (0)");
    // Read, then write what was read plus one: interleaved, two would write the same value.
    const bump = () =>
      db.transaction(async (tx) => {
        const { rows } = await tx.query<{ n: number }>("select n from counter");
        await tx.query("update counter set n = $1", [rows[0]!.n + 1]);
      });
    await Promise.all(Array.from({ length: 20 }, bump));
    expect((await db.query("select n from counter")).rows).toEqual([{ n: 20 }]);
  });

  it("plans a prepared statement anew when a migration changes its table", async () => {
    await db.query("create table shapes (id int primary key, a int)");
    await db.query("insert into shapes values (1, 1)");
    expect((await db.query("select * from shapes")).rows).toEqual([{ id: 1, a: 1 }]);
    await db.query("alter table shapes add column b int");
    expect((await db.query("select * from shapes")).rows).toEqual([{ id: 1, a: 1, b: null }]);
  });

  it("hears a NOTIFY on a channel it listens to", async () => {
    let heard!: () => void;
    const notified = new Promise<void>((resolve) => (heard = resolve));
    await db.listen("kassa_test", () => heard());
    await db.query("notify kassa_test");
    await notified;
  });

  it("keeps its data in a directory across a close and a new thread", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kassa-thread-"));
    try {
      const first = await PGliteThread.open(dir);
      await first.query("create table kept (v text)");
      await first.query("insert into kept values ($1)", ["still here"]);
      await first.close();
      await expect(first.query("select 1")).rejects.toThrow("closed");
      const second = await PGliteThread.open(dir);
      expect((await second.query("select v from kept")).rows).toEqual([{ v: "still here" }]);
      await second.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("keeps a small buffer cache: its memory is never given back", async () => {
    expect((await db.query("show shared_buffers")).rows).toEqual([{ shared_buffers: "32MB" }]);
  });

  it("analyses a table that grew and vacuums one that shrank, as autovacuum would", async () => {
    const kept = await PGliteThread.open(null, { maintenanceIntervalMs: 100 });
    try {
      await kept.query("create table grown (id int primary key, v text)");
      await kept.query("insert into grown select g, 'x' from generate_series(1, 2000) g");
      const stats = () =>
        kept.query<{ analyzed: boolean; vacuumed: boolean; tuples: number }>(
          `select s.last_analyze is not null as analyzed, s.last_vacuum is not null as vacuumed, c.reltuples as tuples
             from pg_stat_user_tables s join pg_class c on c.oid = s.relid where s.relname = 'grown'`,
        );
      await expect.poll(async () => (await stats()).rows[0], { timeout: 10_000 }).toMatchObject({ analyzed: true, tuples: 2000 });
      expect((await stats()).rows[0]!.vacuumed).toBe(false);
      await kept.query("delete from grown where id > 100");
      await expect.poll(async () => (await stats()).rows[0], { timeout: 10_000 }).toMatchObject({ vacuumed: true, tuples: 100 });
    } finally {
      await kept.close();
    }
  }, 60_000);
});
