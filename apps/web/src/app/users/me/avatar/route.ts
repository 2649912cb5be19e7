export { proxyToApi as PUT } from "@/lib/api-proxy.ts";

export const runtime = "nodejs";
