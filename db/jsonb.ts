/**
 * A JSON value as a jsonb column gives it back: object keys in PostgreSQL's order (shorter
 * first by bytes, then byte by byte). Lets a write that reads nothing back answer exactly
 * what a later read of the row answers.
 */
export function asJsonb<T>(value: T): T {
  if (Array.isArray(value)) return value.map(asJsonb) as T;
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ({ k, bytes: Buffer.from(k, "utf8"), v }));
  entries.sort((a, b) => a.bytes.length - b.bytes.length || Buffer.compare(a.bytes, b.bytes));
  // fromEntries, not assignment: a "__proto__" key stays a key.
  return Object.fromEntries(entries.map((e) => [e.k, asJsonb(e.v)])) as T;
}
