// The partner REST API through this origin, as /api-docs presents it; partners may call the API host directly.
export { proxyToApi as GET, proxyToApi as POST } from "@/lib/api-proxy.ts";

export const runtime = "nodejs";
