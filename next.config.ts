import type { NextConfig } from "next";

const config: NextConfig = {
  // PGlite loads its WASM from its own package folder; pino and postgres expect plain Node.
  serverExternalPackages: ["@electric-sql/pglite", "pino", "postgres", "drizzle-orm", "ioredis", "rate-limiter-flexible"],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    const nosniff = { key: "X-Content-Type-Options", value: "nosniff" };
    return [
      // Named by their content's hash (lib/api/asset-names.ts): a name never changes content.
      { source: "/assets/:file", headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }, nosniff] },
      // The same files under their plain names, for what linked them before: briefly.
      { source: "/:file(checkout\\.js|checkout\\.css)", headers: [{ key: "Cache-Control", value: "public, max-age=300" }, nosniff] },
    ];
  },
};

export default config;
