import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { events } from "@/db/schema";
import { keyset, toPage, type PageParams } from "./pagination";
import type { Scope } from "./sessions";

export type EventRow = typeof events.$inferSelect;

export async function insertEvent(db: Database, row: typeof events.$inferInsert): Promise<EventRow> {
  const [inserted] = await db.insert(events).values(row).returning();
  return inserted!;
}

export async function findEvent(db: Database, scope: Scope, id: string): Promise<EventRow | null> {
  const [row] = await db
    .select()
    .from(events)
    .where(and(eq(events.id, id), eq(events.merchantId, scope.merchantId), eq(events.livemode, scope.livemode)))
    .limit(1);
  return row ?? null;
}

export async function listEvents(db: Database, p: Scope & PageParams & { type?: string }) {
  const cursorId = p.startingAfter ?? p.endingBefore;
  const direction = p.endingBefore ? "newer" : "older";
  let cursor = null;
  if (cursorId) {
    cursor = await findEvent(db, p, cursorId);
    if (!cursor) return null;
  }
  const page = keyset(events, cursor, direction);
  const rows = await db
    .select()
    .from(events)
    .where(
      and(
        eq(events.merchantId, p.merchantId),
        eq(events.livemode, p.livemode),
        p.type ? eq(events.type, p.type) : undefined,
        page.where,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(p.limit + 1);
  return toPage(rows, p.limit, direction);
}
