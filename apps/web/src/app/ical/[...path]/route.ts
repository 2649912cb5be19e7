export { proxyToApi as GET, proxyToApi as HEAD } from "@/lib/api-proxy.ts";

export const runtime = "nodejs";
