// Message images: uploads (PUT) and participant-only downloads (GET) pass through to the API.
export { proxyToApi as GET, proxyToApi as HEAD, proxyToApi as PUT } from "@/lib/api-proxy.ts";

export const runtime = "nodejs";
