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
  // Turbopack's dev cache on disk (on by default since Next 16.1) outlives `next dev`, and a start
  // that restored it could serve pages whose entry chunk the server then "restarts" on every HMR
  // connect: the page reloads itself forever ("HMR hash mismatch") until the folder is deleted.
  // It happened after stops that looked clean too, so dev compiles from scratch at each start.
  experimental: { turbopackFileSystemCacheForDev: false },
  // Message notifications linked to /inbox/<id> before the inbox was /messages; mails already
  // sent keep working.
  async redirects() {
    return [
      { source: "/inbox", destination: "/messages", permanent: true },
      { source: "/inbox/:conversationId", destination: "/messages/:conversationId", permanent: true },
    ];
  },
};

export default config;
