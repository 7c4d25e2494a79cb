// The benchmark's baseline: a bare node:http server doing the same JSON parse and one INSERT
// (or one primary-key SELECT) with the same driver Kassa uses, and nothing else.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";

type Query = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

async function connect(): Promise<Query> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const sql = postgres(url, { max: 10, onnotice: () => {} });
    return (text, params) => sql.unsafe(text, params as never[]) as unknown as Promise<Record<string, unknown>[]>;
  }
  const db = new PGlite(process.env.KASSA_DATA_DIR!);
  return async (text, params) => (await db.query<Record<string, unknown>>(text, params)).rows;
}

async function main() {
  const query = await connect();
  await query(
    "create table if not exists bench_sessions (id text primary key, amount bigint not null, currency text not null, body jsonb not null, created_at timestamptz not null)",
    [],
  );
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      try {
        if (req.method === "POST") {
          const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
          const id = `cs_test_${randomBytes(18).toString("base64url")}`;
          await query("insert into bench_sessions (id, amount, currency, body, created_at) values ($1, $2, $3, $4, now())", [
            id,
            body.amount,
            body.currency,
            body,
          ]);
          res.writeHead(201, { "content-type": "application/json" });
          res.end(JSON.stringify({ id, ...body }));
        } else {
          const id = decodeURIComponent(req.url!.split("/").pop()!);
          const rows = await query("select * from bench_sessions where id = $1", [id]);
          res.writeHead(rows.length ? 200 : 404, { "content-type": "application/json" });
          res.end(JSON.stringify(rows[0] ?? null));
        }
      } catch (err) {
        res.writeHead(500);
        res.end(String(err));
      }
    });
  });
  server.listen(Number(process.env.PORT), "127.0.0.1", () => process.stdout.write("ready\n"));
}

main();
