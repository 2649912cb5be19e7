import { AppError, type UserRole } from "@hometrip/contracts";
import { authenticateApiKey, verifyAccessToken } from "@hometrip/core";
import type { Services } from "../services/index.ts";
import { accessCookie, readCookie } from "./cookies.ts";
import { revokedSessionsOf } from "./session-config.ts";

export type Role = UserRole;

export type SessionActor = {
  kind: "session";
  userId: string;
  sessionId: string;
  role: Role;
  isHost: boolean;
};
export type ApiKeyActor = {
  kind: "apiKey";
  userId: string;
  keyId: string;
  scopes: string[];
  role: Role;
  isHost: boolean;
};
export type Actor = SessionActor | ApiKeyActor;

export const apiKeyPrefix = "htk_";

/** What the request presents: a bearer header wins over the cookie (non-browser clients). */
export function presentedCredential(headers: Headers): { kind: "jwt" | "apiKey"; value: string } | null {
  const header = headers.get("authorization");
  const bearer = header ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
  if (bearer) return { kind: bearer.startsWith(apiKeyPrefix) ? "apiKey" : "jwt", value: bearer };
  const cookie = readCookie(headers, accessCookie);
  return cookie ? { kind: "jwt", value: cookie } : null;
}

/**
 * The signed-in caller, or null for anonymous (or an invalid, expired or revoked credential:
 * protected procedures then answer 401 and the client refreshes or signs in).
 */
export async function resolveActor(services: Services, headers: Headers): Promise<Actor | null> {
  const presented = presentedCredential(headers);
  if (!presented) return null;
  const now = services.clock.now();
  if (presented.kind === "apiKey") {
    const key = await authenticateApiKey(services.db, presented.value, now);
    return key ? { kind: "apiKey", ...key } : null;
  }
  const claims = await verifyAccessToken(services.config.JWT_SIGNING_KEYS, presented.value, now);
  if (!claims) return null;
  if (await isRevoked(services, claims.sid)) return null;
  return {
    kind: "session",
    userId: claims.sub,
    sessionId: claims.sid,
    role: claims.role,
    isHost: claims.host,
  };
}

/** Fails closed: without the revocation list a logged-out token could pass, so answer 503 instead. */
async function isRevoked(services: Services, sessionId: string): Promise<boolean> {
  try {
    return await revokedSessionsOf(services).has(sessionId);
  } catch (error) {
    throw new AppError("UNAVAILABLE", "Sign-in is unavailable for a moment; try again", { cause: error });
  }
}
