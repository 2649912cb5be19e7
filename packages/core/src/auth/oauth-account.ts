import { credentials, type Database, users } from "@hometrip/db";
import { and, eq, sql } from "drizzle-orm";
import type { OAuthIdentity } from "./oauth-client.ts";
import { OAuthSignInError } from "./oauth-errors.ts";

export type OAuthAccountOutcome = {
  userId: string;
  /** returning: identity already linked; linked: added to an existing account; created: new account. */
  outcome: "returning" | "linked" | "created";
};

const DISPLAY_NAME_MAX = 80;

/**
 * Maps a provider identity to one of our users. The linking rule, which is what stands between a
 * social login and an account takeover:
 *
 * 1. An identity already linked (provider + provider account id) signs in to its user, whatever
 *    email either side shows today. Emails change; the provider's account id does not.
 * 2. Otherwise the provider must vouch for the email (Google `email_verified: true`; GitHub's
 *    primary address with `verified: true`). Without that, nothing is linked or created: anyone
 *    can type someone else's address into a provider profile.
 * 3. An existing account with that email (case-insensitively) is linked only if WE verified its
 *    email too. If ours is unverified, whoever registered it never proved they own the mailbox:
 *    it may be an attacker who pre-registered the victim's address with a password of theirs,
 *    waiting for the victim to "sign in with Google" and inherit a password-backdoored account.
 *    So we refuse, and the owner proves the address (verification or password reset mail) first.
 * 4. No account with that email: a new one, email verified by the provider's word.
 *
 * Suspended or deleted accounts never sign in this way.
 */
export async function linkOrCreateOAuthUser(
  db: Database,
  identity: OAuthIdentity,
  now: Date,
): Promise<OAuthAccountOutcome> {
  try {
    return await resolveAccount(db, identity, now);
  } catch (error) {
    // Two first sign-ins racing: the loser hits a unique index and finds the winner's rows.
    if (isUniqueViolation(error)) return resolveAccount(db, identity, now);
    throw error;
  }
}

function resolveAccount(db: Database, identity: OAuthIdentity, now: Date): Promise<OAuthAccountOutcome> {
  return db.transaction(async (tx) => {
    const [linked] = await tx
      .select({ userId: credentials.userId, status: users.status })
      .from(credentials)
      .innerJoin(users, eq(users.id, credentials.userId))
      .where(
        and(
          eq(credentials.kind, "oauth"),
          eq(credentials.provider, identity.provider),
          eq(credentials.providerAccountId, identity.accountId),
        ),
      );
    if (linked) {
      assertActive(linked.status);
      return { userId: linked.userId, outcome: "returning" as const };
    }

    const email = identity.emailVerified ? identity.email : null;
    if (!email) {
      throw new OAuthSignInError(
        "oauth_email_unverified",
        `${identity.provider} vouches for no verified email`,
      );
    }
    const credential = {
      kind: "oauth" as const,
      provider: identity.provider,
      providerAccountId: identity.accountId,
    };
    const [existing] = await tx
      .select({ id: users.id, status: users.status, emailVerifiedAt: users.emailVerifiedAt })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`);
    if (existing) {
      assertActive(existing.status);
      if (!existing.emailVerifiedAt) {
        throw new OAuthSignInError(
          "oauth_account_unverified",
          "an account with this email exists but is unverified",
        );
      }
      await tx.insert(credentials).values({ userId: existing.id, ...credential });
      return { userId: existing.id, outcome: "linked" as const };
    }

    const [created] = await tx
      .insert(users)
      .values({ email, displayName: displayNameOf(identity, email), emailVerifiedAt: now })
      .returning({ id: users.id });
    if (!created) throw new Error("user insert returned no row");
    await tx.insert(credentials).values({ userId: created.id, ...credential });
    return { userId: created.id, outcome: "created" as const };
  });
}

function assertActive(status: string) {
  if (status !== "active") throw new OAuthSignInError("oauth_account_disabled", `account is ${status}`);
}

function displayNameOf(identity: OAuthIdentity, email: string): string {
  const name = identity.displayName?.trim();
  return (name || email.split("@")[0] || "HomeTrip member").slice(0, DISPLAY_NAME_MAX);
}

function isUniqueViolation(error: unknown): boolean {
  const codeOf = (e: unknown) =>
    e && typeof e === "object" && "code" in e ? (e as { code: unknown }).code : undefined;
  return codeOf(error) === "23505" || codeOf((error as { cause?: unknown } | null)?.cause) === "23505";
}
