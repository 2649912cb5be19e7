import { createHash, randomBytes } from "node:crypto";
import type { OidcClient, OidcProviderKind, OidcUser } from "./types.ts";

const CODE_TTL_MS = 5 * 60_000;
const ACCESS_TOKEN_TTL_MS = 60 * 60_000;

export interface AuthorizationGrant {
  provider: OidcProviderKind;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scope: string;
  nonce: string | undefined;
  user: OidcUser;
  expiresAt: number;
}

interface AccessGrant {
  provider: OidcProviderKind;
  clientId: string;
  scope: string;
  user: OidcUser;
  expiresAt: number;
}

/** In-memory state: clients, users, one-time codes and bearer tokens. Nothing survives a restart. */
export class ProviderStore {
  private readonly clients = new Map<string, OidcClient>();
  private readonly users = new Map<string, OidcUser>();
  private readonly codes = new Map<string, AuthorizationGrant>();
  private readonly tokens = new Map<string, AccessGrant>();

  registerClient(client: OidcClient): void {
    this.clients.set(`${client.provider}:${client.clientId}`, {
      ...client,
      redirectUris: [...client.redirectUris],
    });
  }

  client(provider: OidcProviderKind, clientId: string): OidcClient | undefined {
    return this.clients.get(`${provider}:${clientId}`);
  }

  /** Adds or replaces the user with this email (matched case-insensitively, like both providers). */
  setUser(user: OidcUser): OidcUser {
    const stored = { ...user };
    this.users.set(user.email.toLowerCase(), stored);
    return stored;
  }

  /** The user behind an email; an unknown email becomes a new verified user, for hands-free dev sign-in. */
  userFor(email: string): OidcUser {
    const known = this.users.get(email.toLowerCase());
    if (known) return known;
    const name = email.split("@")[0] ?? email;
    return this.setUser({ sub: subjectFor(email), email, email_verified: true, name });
  }

  listUsers(): OidcUser[] {
    return [...this.users.values()];
  }

  issueCode(grant: Omit<AuthorizationGrant, "expiresAt">, now = Date.now()): string {
    const code = randomBytes(24).toString("base64url");
    this.codes.set(code, { ...grant, expiresAt: now + CODE_TTL_MS });
    return code;
  }

  /** Single use: a code is gone after the first redemption attempt, successful or not. */
  redeemCode(code: string, now = Date.now()): AuthorizationGrant | undefined {
    const grant = this.codes.get(code);
    this.codes.delete(code);
    return grant && grant.expiresAt > now ? grant : undefined;
  }

  issueAccessToken(
    grant: Omit<AccessGrant, "expiresAt">,
    now = Date.now(),
  ): { token: string; expiresIn: number } {
    const prefix = grant.provider === "github" ? "gho_" : "ya29.";
    const token = `${prefix}${randomBytes(24).toString("base64url")}`;
    this.tokens.set(token, { ...grant, expiresAt: now + ACCESS_TOKEN_TTL_MS });
    return { token, expiresIn: ACCESS_TOKEN_TTL_MS / 1000 };
  }

  accessGrant(provider: OidcProviderKind, token: string, now = Date.now()): AccessGrant | undefined {
    const grant = this.tokens.get(token);
    return grant && grant.provider === provider && grant.expiresAt > now ? grant : undefined;
  }
}

/** A stable numeric subject per email (Google subjects and GitHub ids are both numeric). */
export function subjectFor(email: string): string {
  const digest = createHash("sha256").update(email.toLowerCase()).digest();
  return String(digest.readUIntBE(0, 6));
}

/** GitHub ids are numbers; a non-numeric `sub` set by a test still maps to a stable one. */
export function githubIdOf(user: OidcUser): number {
  return /^\d{1,15}$/.test(user.sub) ? Number(user.sub) : Number(subjectFor(`sub:${user.sub}`));
}
