import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["lib/**/*.test.ts", "db/**/*.test.ts"] },
      },
      {
        extends: true,
        test: {
          // Real servers over real HTTP, on PGlite (default) or PostgreSQL (TEST_DATABASE_URL).
          name: "integration",
          include: ["e2e/api/**/*.test.ts"],
          globalSetup: ["e2e/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Files share one server; run them one at a time so timings stay sane on 2 cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
