import type { TestProject } from "vitest/node";
import { createMerchantViaCli, freshDatabase, startServer, type MerchantKeys } from "./stack";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseKind: "postgres" | "pglite";
    databaseUrl: string;
    dataDir: string;
    merchantA: MerchantKeys;
    merchantB: MerchantKeys;
    serverPid: number;
  }
}

/** One shared server for the integration files: two merchants made with the CLI first. */
export default async function setup(project: TestProject) {
  const db = await freshDatabase();
  const merchantA = await createMerchantViaCli(db, "Acme Lagos", ["--brand-color", "#1d4ed8"]);
  const merchantB = await createMerchantViaCli(db, "Other Shop");
  const server = await startServer(db);
  project.provide("baseUrl", server.url);
  project.provide("databaseKind", db.url ? "postgres" : "pglite");
  project.provide("databaseUrl", db.url ?? "");
  project.provide("dataDir", db.dataDir);
  project.provide("merchantA", merchantA);
  project.provide("merchantB", merchantB);
  project.provide("serverPid", server.pid);
  return async () => {
    await server.stop();
    await db.drop();
  };
}
