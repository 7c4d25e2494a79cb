import type { NextConfig } from "next";

const config: NextConfig = {
  // PGlite loads its WASM from its own package folder; pino and postgres expect plain Node.
  serverExternalPackages: ["@electric-sql/pglite", "pino", "postgres", "drizzle-orm", "ioredis", "rate-limiter-flexible"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
