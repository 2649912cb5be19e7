import { type NextRequest, NextResponse } from "next/server";
import { webEnv } from "./lib/env.ts";

/**
 * Page requests arrive without `ht_access` once the short-lived access cookie has expired while
 * the refresh cookie is still valid. Rotate here, before server components ask the API who the
 * visitor is: the new cookies go to the browser and into this request's Cookie header.
 */
export async function proxy(request: NextRequest) {
  const { cookies } = request;
  if (cookies.has("ht_access") || !cookies.has("ht_refresh")) return NextResponse.next();

  let res: Response;
  try {
    res = await fetch(`${webEnv().apiUrl}/trpc/auth.refresh`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: request.headers.get("cookie") ?? "" },
      body: "{}",
      signal: AbortSignal.timeout(5000),
    });
  } catch {
    return NextResponse.next();
  }
  const setCookies = res.headers.getSetCookie();
  if (!res.ok || setCookies.length === 0) {
    // The refresh token is spent or revoked: drop it so we do not try again on every page.
    const next = NextResponse.next();
    if (res.status === 401) next.cookies.delete("ht_refresh");
    return next;
  }
  for (const line of setCookies) {
    const [pair = ""] = line.split(";");
    const eq = pair.indexOf("=");
    if (eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  const next = NextResponse.next({ request: { headers: withCookieHeader(request) } });
  for (const line of setCookies) next.headers.append("set-cookie", line);
  return next;
}

function withCookieHeader(request: NextRequest): Headers {
  const headers = new Headers(request.headers);
  headers.set("cookie", request.cookies.toString());
  return headers;
}

export const config = {
  // Pages only: API paths are forwarded to the Worker (src/lib/api-proxy.ts), which refreshes
  // nothing on its own. PUT /listings/:id/photos still matches (it shares /listings/ with the
  // guest pages); with an access cookie it passes straight through.
  matcher: [
    "/((?!_next/|trpc/|auth/oauth/|avatars/|users/me/avatar|listing-photos/|ical/|favicon.ico|api-docs|openapi.json|v1/).*)",
  ],
};
