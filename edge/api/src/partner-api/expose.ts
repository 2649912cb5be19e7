/**
 * The partner REST API: the procedures a partner integration may call, each under a versioned
 * path. A procedure is exposed by giving its `…Meta` an `openapi` route with `partnerRoute`; the
 * OpenAPI document (`bun run --cwd edge/api openapi`) and the `/v1` handler are both built from
 * exactly those procedures. A breaking change to an exposed contract gets a new version prefix
 * (`/v2/...`) beside the old one rather than an edit in place.
 */
export const partnerApiVersion = "v1";

export type PartnerMethod = "GET" | "POST";

/** The `openapi` field of a procedure's meta (the shape trpc-to-openapi reads). */
export type PartnerRoute = {
  method: PartnerMethod;
  path: `/${typeof partnerApiVersion}/${string}`;
  summary: string;
  description?: string;
  tags: string[];
  /** Whether the document marks the call as needing `Authorization: Bearer htk_…`. */
  protect: boolean;
};

/**
 * The meta of an exposed procedure: its `summary` becomes the operation's summary and its `scope`
 * (when it has one) is named in the description. `authRequired: false` marks a call anyone may
 * make; a key then adds only what its scope allows (its owner's drafts, say).
 */
export function partnerMeta<M extends { summary: string; scope?: string }>(
  meta: M,
  route: {
    method: PartnerMethod;
    path: PartnerRoute["path"];
    tag: string;
    authRequired: boolean;
    description?: string;
  },
): M & { openapi: PartnerRoute } {
  const access = route.authRequired
    ? `Requires an API key with the \`${meta.scope}\` scope.`
    : meta.scope
      ? `Open to anyone; a key with the \`${meta.scope}\` scope also reaches its owner's unpublished listings.`
      : "Open to anyone; no API key needed.";
  return {
    ...meta,
    openapi: {
      method: route.method,
      path: route.path,
      summary: meta.summary,
      description: route.description ? `${route.description}\n\n${access}` : access,
      tags: [route.tag],
      protect: route.authRequired,
    },
  };
}
