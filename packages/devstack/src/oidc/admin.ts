import type { ProviderReply, ProviderRequest, ProviderRoute } from "./http.ts";
import { type ProviderStore, subjectFor } from "./store.ts";
import type { Log, OidcClient, OidcUser } from "./types.ts";

/**
 * Test controls, which no real provider has: who the next sign-in returns, and which clients
 * exist. Local only; the stand-in never listens beyond 127.0.0.1.
 */
export function adminRoutes(store: ProviderStore, log: Log): ProviderRoute[] {
  const setUser = (req: ProviderRequest): ProviderReply => {
    const user = parseUser(req.json);
    if (!user) {
      return {
        status: 400,
        json: { error: "expected { email, email_verified, sub?, name?, login?, emails? }" },
      };
    }
    log(`test: user ${user.email} (${user.email_verified ? "verified" : "unverified"})`);
    return { status: 200, json: store.setUser(user) };
  };
  const addClient = (req: ProviderRequest): ProviderReply => {
    const client = parseClient(req.json);
    if (!client)
      return { status: 400, json: { error: "expected { provider, clientId, clientSecret, redirectUris }" } };
    store.registerClient(client);
    return { status: 200, json: { ok: true } };
  };
  return [
    { method: "GET", path: "/", handle: () => ({ status: 200, json: { ok: true, service: "oidc-local" } }) },
    { method: "GET", path: "/__test/users", handle: () => ({ status: 200, json: store.listUsers() }) },
    { method: "POST", path: "/__test/users", handle: setUser },
    { method: "POST", path: "/__test/clients", handle: addClient },
  ];
}

function parseUser(input: unknown): OidcUser | undefined {
  if (!input || typeof input !== "object") return undefined;
  const u = input as Record<string, unknown>;
  if (typeof u.email !== "string" || !u.email.includes("@") || typeof u.email_verified !== "boolean")
    return undefined;
  const emails = Array.isArray(u.emails)
    ? u.emails.filter(
        (e): e is { email: string; verified: boolean; primary: boolean } =>
          typeof e?.email === "string" && typeof e.verified === "boolean" && typeof e.primary === "boolean",
      )
    : undefined;
  return {
    sub: typeof u.sub === "string" && u.sub ? u.sub : subjectFor(u.email),
    email: u.email,
    email_verified: u.email_verified,
    ...(typeof u.name === "string" ? { name: u.name } : {}),
    ...(typeof u.login === "string" ? { login: u.login } : {}),
    ...(emails ? { emails } : {}),
  };
}

function parseClient(input: unknown): OidcClient | undefined {
  if (!input || typeof input !== "object") return undefined;
  const c = input as Record<string, unknown>;
  const ok =
    (c.provider === "google" || c.provider === "github") &&
    typeof c.clientId === "string" &&
    typeof c.clientSecret === "string" &&
    Array.isArray(c.redirectUris) &&
    c.redirectUris.every((u) => typeof u === "string");
  return ok ? (c as unknown as OidcClient) : undefined;
}
