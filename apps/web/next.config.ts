import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

// The only place the web app reads the API's address at build/start time; the browser never
// sees it: every API path below is proxied so auth cookies stay first-party on the web origin.
const apiUrl = (process.env.API_URL ?? "http://127.0.0.1:8787").replace(/\/$/, "");

const config: NextConfig = {
  // A second `next dev` in this folder (the e2e stack beside a developer's) needs its own build dir.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  devIndicators: false,
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  turbopack: { root: fileURLToPath(new URL("../..", import.meta.url)) },
  async rewrites() {
    return [
      { source: "/trpc/:path*", destination: `${apiUrl}/trpc/:path*` },
      { source: "/auth/oauth/:path*", destination: `${apiUrl}/auth/oauth/:path*` },
      { source: "/users/me/avatar", destination: `${apiUrl}/users/me/avatar` },
      { source: "/avatars/:path*", destination: `${apiUrl}/avatars/:path*` },
      // Listing photos and the per-listing iCal export feed that hosts hand to other platforms.
      { source: "/listing-photos/:path*", destination: `${apiUrl}/listing-photos/:path*` },
      { source: "/listings/:id/photos", destination: `${apiUrl}/listings/:id/photos` },
      { source: "/ical/:path*", destination: `${apiUrl}/ical/:path*` },
    ];
  },
};

export default config;
