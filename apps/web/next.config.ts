import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

// No rewrites: API paths (/trpc, /auth/oauth, avatars, listing photos, iCal) are route handlers
// over src/lib/api-proxy.ts, which reads API_URL through webEnv() and opens a fresh connection
// per request; Next's rewrite proxy reused idle keep-alive sockets the Worker had closed.
const config: NextConfig = {
  // A second `next dev` in this folder (the e2e stack beside a developer's) needs its own build dir.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  devIndicators: false,
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  turbopack: { root: fileURLToPath(new URL("../..", import.meta.url)) },
};

export default config;
