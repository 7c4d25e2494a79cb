import { and, asc, desc, eq, gt, lt, or, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

export type PageParams = { limit: number; startingAfter?: string; endingBefore?: string };
export type Cursor = { createdAt: Date; id: string };

/**
 * Keyset pagination over (createdAt, id), newest first. `startingAfter` walks to older rows,
 * `endingBefore` to newer ones; both return newest first.
 */
export function keyset(cols: { createdAt: PgColumn; id: PgColumn }, cursor: Cursor | null, direction: "older" | "newer") {
  let where: SQL | undefined;
  if (cursor) {
    where =
      direction === "older"
        ? or(lt(cols.createdAt, cursor.createdAt), and(eq(cols.createdAt, cursor.createdAt), lt(cols.id, cursor.id)))
        : or(gt(cols.createdAt, cursor.createdAt), and(eq(cols.createdAt, cursor.createdAt), gt(cols.id, cursor.id)));
  }
  const orderBy =
    direction === "older" ? [desc(cols.createdAt), desc(cols.id)] : [asc(cols.createdAt), asc(cols.id)];
  return { where, orderBy };
}

/** Trims the extra row fetched to learn `hasMore` and restores newest-first order. */
export function toPage<T>(rows: T[], limit: number, direction: "older" | "newer") {
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  if (direction === "newer") page.reverse();
  return { data: page, hasMore };
}
