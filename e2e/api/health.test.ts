import { describe, expect, inject, it } from "vitest";
import { client } from "../support/api";

describe("health", () => {
  it("reports the database it reaches", async () => {
    const res = await client(null).get("/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok", database: inject("databaseKind") });
    expect(res.headers.get("request-id")).toMatch(/^req_[0-9A-Za-z]{20}$/);
  });
});
