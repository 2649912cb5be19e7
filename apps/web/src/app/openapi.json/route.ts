export { proxyToApi as GET } from "@/lib/api-proxy.ts";

export const runtime = "nodejs";
