import { randomUUID } from "node:crypto";
import { type Database, users } from "@hometrip/db";

/** A member row as sign-up leaves it (credentials are irrelevant to mail). */
export async function createMember(
  db: Database,
  opts: { displayName?: string; verified?: boolean } = {},
): Promise<{ id: string; email: string }> {
  const email = `member-${randomUUID()}@hometrip.test`;
  const [row] = await db
    .insert(users)
    .values({
      email,
      displayName: opts.displayName ?? "Test Member",
      emailVerifiedAt: opts.verified ? new Date() : null,
    })
    .returning({ id: users.id, email: users.email });
  if (!row) throw new Error("user insert returned nothing");
  return row;
}

/** The single-use token in a mail link, e.g. `/verify-email?token=…`. */
export function tokenFromMail(text: string, path: string): string {
  const match = new RegExp(`${path.replace("/", "\\/")}\\?token=([A-Za-z0-9_-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${path} link in the mail`);
  return match[1];
}
