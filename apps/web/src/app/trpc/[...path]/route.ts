export { proxyToApi as GET, proxyToApi as POST } from "@/lib/api-proxy.ts";

export const runtime = "nodejs";
