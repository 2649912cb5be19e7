import { apiDocsPage } from "@/lib/api-docs.ts";

export const runtime = "nodejs";

/** The partner API reference (Swagger UI over /openapi.json). */
export function GET() {
  return new Response(apiDocsPage, {
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "public, max-age=300" },
  });
}
