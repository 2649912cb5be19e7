import { apiDocsAsset } from "@/lib/api-docs.ts";

export const runtime = "nodejs";

/** Swagger UI's script and styles, served from this app's own swagger-ui-dist. */
export async function GET(_request: Request, { params }: { params: Promise<{ asset: string }> }) {
  const asset = await apiDocsAsset((await params).asset);
  if (!asset) return new Response("Not found\n", { status: 404 });
  return new Response(asset.body as BodyInit, {
    headers: { "content-type": asset.type, "cache-control": "public, max-age=86400" },
  });
}
