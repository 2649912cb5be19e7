import { env } from "cloudflare:workers";
import { parseEdgeEnv } from "@hometrip/config";
import { type ApiKeyScope, createApiKey, startSession } from "@hometrip/core";
import { users } from "@hometrip/db";
import { withDatabase } from "./db.ts";
import { call } from "./harness.ts";

export interface Member {
  userId: string;
  email: string;
  accessToken: string;
  /** `Authorization: Bearer <access token>`. */
  auth: Record<string, string>;
}

/**
 * A member with a real session (session family, refresh token, signed access token), made the way
 * log-in makes one; the password step is auth's business and is tested there.
 */
export async function createMember(
  tag: string,
  fields: Partial<typeof users.$inferInsert> = {},
): Promise<Member> {
  const config = parseEdgeEnv(env as unknown as Record<string, unknown>);
  const email = `${tag}-${crypto.randomUUID()}@example.test`;
  return withDatabase(async (db) => {
    const [row] = await db
      .insert(users)
      .values({ email, displayName: `Member ${tag}`, ...fields })
      .returning({ id: users.id });
    if (!row) throw new Error("user insert returned nothing");
    const tokens = await startSession(
      db,
      { userId: row.id },
      {
        keys: config.JWT_SIGNING_KEYS,
        accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
        refreshTokenTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
        now: new Date(),
      },
    );
    return {
      userId: row.id,
      email,
      accessToken: tokens.accessToken,
      auth: { authorization: `Bearer ${tokens.accessToken}` },
    };
  });
}

export async function apiKeyFor(member: Member, scopes: ApiKeyScope[]): Promise<Record<string, string>> {
  const { key } = await withDatabase((db) =>
    createApiKey(db, { userId: member.userId, name: "test", scopes, now: new Date() }),
  );
  return { authorization: `Bearer ${key}` };
}

/** Minimal files whose first bytes are what each format's signature says. */
export const images = {
  png: () =>
    bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3]),
  jpeg: () => bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 9, 9, 9]),
  webp: () =>
    bytes([0x52, 0x49, 0x46, 0x46, 26, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x20, 7, 7]),
};

function bytes(values: number[]): Uint8Array {
  return Uint8Array.from(values);
}

export function putAvatar(
  body: BodyInit | null,
  contentType: string | null,
  headers: Record<string, string> = {},
) {
  return call("/users/me/avatar", {
    method: "PUT",
    headers: { ...(contentType && { "content-type": contentType }), ...headers },
    body,
  });
}
