/**
 * Where a request landed, from `request.cf` (set by Cloudflare; locally by the runtime as one
 * placeholder colo, or per request by `ops:traffic` and the tests through Miniflare's `cf`).
 */
export interface RequestOrigin {
  colo: string;
  country: string;
  continent: string;
  region: string;
}

export function requestOrigin(request: Request): RequestOrigin {
  const cf = (request as { cf?: Record<string, unknown> }).cf ?? {};
  const text = (value: unknown) => (typeof value === "string" && value ? value : "unknown");
  return {
    colo: text(cf.colo),
    country: text(cf.country),
    continent: text(cf.continent),
    region: text(cf.region),
  };
}
