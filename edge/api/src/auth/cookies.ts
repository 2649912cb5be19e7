/** The web app's auth cookies. httpOnly so page scripts never see a token; Lax so cross-site POSTs carry none. */
export const accessCookie = "ht_access";
export const refreshCookie = "ht_refresh";

export type CookieOptions = { maxAgeSeconds: number };

export function serializeCookie(name: string, value: string, opts: CookieOptions): string {
  return `${name}=${value}; Max-Age=${Math.max(0, Math.floor(opts.maxAgeSeconds))}; Path=/; HttpOnly; Secure; SameSite=Lax`;
}

export function readCookie(headers: Headers, name: string): string | undefined {
  const header = headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}
