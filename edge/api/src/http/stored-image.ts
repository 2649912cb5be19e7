/**
 * An uploaded image as served back: its keys change with every upload, so a URL's bytes never
 * change and browsers and CDNs may keep it for a year. The bytes are user-supplied, so the
 * response never sniffs a type and never runs anything.
 */
export function storedImageResponse(object: R2ObjectBody): Response {
  const headers = new Headers({
    "content-type": object.httpMetadata?.contentType ?? "application/octet-stream",
    "content-length": String(object.size),
    etag: object.httpEtag,
    "cache-control": "public, max-age=31536000, immutable",
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
  });
  return new Response(object.body, { headers });
}
