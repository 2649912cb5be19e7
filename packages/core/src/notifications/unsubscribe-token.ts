import { isLockedOn, type NotificationCategory, notificationCategories } from "@hometrip/contracts";

/**
 * One-click unsubscribe links (RFC 8058) carry `<userId>.<category>.<mac>`: HMAC-SHA-256 over the
 * first two under UNSUBSCRIBE_SIGNING_KEY, 128 bits kept. No table: the link is valid as long as
 * the key, and using it twice does nothing more than once.
 */
const encoder = new TextEncoder();

async function macOf(key: string, message: string): Promise<string> {
  const hmac = await crypto.subtle.importKey(
    "raw",
    encoder.encode(key),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(
    await crypto.subtle.sign("HMAC", hmac, encoder.encode(`unsubscribe/v1:${message}`)),
  );
  return [...mac.slice(0, 16)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function unsubscribeToken(
  key: string,
  userId: string,
  category: NotificationCategory,
): Promise<string> {
  return `${userId}.${category}.${await macOf(key, `${userId}.${category}`)}`;
}

const tokenShape = /^([0-9a-f-]{36})\.([a-z_]{1,32})\.([0-9a-f]{32})$/;

/** The member and category a token names, or null when it is malformed or its signature is wrong. */
export async function readUnsubscribeToken(
  key: string,
  token: string,
): Promise<{ userId: string; category: NotificationCategory } | null> {
  const match = tokenShape.exec(token);
  if (!match) return null;
  const [, userId = "", category = "", given = ""] = match;
  if (!(notificationCategories as readonly string[]).includes(category)) return null;
  // No link is issued for e-mail that cannot be turned off; a signed one is refused all the same.
  if (isLockedOn(category as NotificationCategory, "email")) return null;
  const expected = await macOf(key, `${userId}.${category}`);
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ given.charCodeAt(i);
  return diff === 0 ? { userId, category: category as NotificationCategory } : null;
}
