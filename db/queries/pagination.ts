import { and, asc, desc, eq, gt, lt, or, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";

/**
 * What a list asks for (SPEC 2, Pagination): every list endpoint's query spreads these fields,
 * and PageParams is what they parse to.
 */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(10),
  startingAfter: z.string().max(100).optional(),
  endingBefore: z.string().max(100).optional(),
};

export type PageParams = z.output<z.ZodObject<typeof pageQuery>>;

export type Cursor = { createdAt: Date; id: string };
type Direction = "older" | "newer";

/**
 * Keyset pagination over (createdAt, id), newest first. `startingAfter` walks to older rows,
 * `endingBefore` to newer ones; both return newest first.
 */
function keyset(cols: { createdAt: PgColumn; id: PgColumn }, cursor: Cursor | null, direction: Direction) {
  let where: SQL | undefined;
  if (cursor) {
    where =
      direction === "older"
        ? or(lt(cols.createdAt, cursor.createdAt), and(eq(cols.createdAt, cursor.createdAt), lt(cols.id, cursor.id)))
        : or(gt(cols.createdAt, cursor.createdAt), and(eq(cols.createdAt, cursor.createdAt), gt(cols.id, cursor.id)));
  }
  // Newest first is read from an ascending index backwards (migration 0002): keep both
  // columns in the index's direction, never one ASC and one DESC.
  const orderBy =
    direction === "older" ? [desc(cols.createdAt), desc(cols.id)] : [asc(cols.createdAt), asc(cols.id)];
  return { where, orderBy };
}

/** Trims the extra row fetched to learn `hasMore` and restores newest-first order. */
function toPage<T>(rows: T[], limit: number, direction: Direction) {
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  if (direction === "newer") page.reverse();
  return { data: page, hasMore };
}

/** The part of one list's statement that paginate() fills in. */
export type PageClause = { where: SQL | undefined; orderBy: SQL[]; limit: number };

/**
 * One keyset page: finds the cursor row (null, for a 404, when the caller's scope has no such
 * row), then runs `select` with the page's condition, order and limit (one row more than
 * asked, to learn `hasMore`). `select` ANDs `where` with its own filters and sends one statement.
 */
export async function paginate<T>(
  p: PageParams,
  cols: { createdAt: PgColumn; id: PgColumn },
  findCursor: (id: string) => Promise<Cursor | null>,
  select: (page: PageClause) => Promise<T[]>,
): Promise<{ data: T[]; hasMore: boolean } | null> {
  const cursorId = p.startingAfter ?? p.endingBefore;
  const direction: Direction = p.endingBefore ? "newer" : "older";
  let cursor: Cursor | null = null;
  if (cursorId) {
    cursor = await findCursor(cursorId);
    if (!cursor) return null;
  }
  const { where, orderBy } = keyset(cols, cursor, direction);
  const rows = await select({ where, orderBy, limit: p.limit + 1 });
  return toPage(rows, p.limit, direction);
}
