import * as z from "zod";
import { oauthProviderIds } from "./oauth-providers.ts";

/** How long a sign-in may sit at the provider before its state is forgotten. */
export const OAUTH_STATE_TTL_SECONDS = 600;

/** The two Redis commands the flow needs; the Upstash client satisfies it. */
export interface OAuthStateStore {
  set(key: string, value: string, opts: { ex: number }): Promise<unknown>;
  getdel(key: string): Promise<unknown>;
}

const zPendingOAuth = z.object({
  provider: z.enum(oauthProviderIds),
  codeVerifier: z.string().min(43),
  nonce: z.string().min(1).nullable(),
  redirectTo: z.string().startsWith("/"),
});

/** What the start of a sign-in leaves for its callback; the PKCE verifier never leaves the server. */
export type PendingOAuth = z.infer<typeof zPendingOAuth>;

const keyOf = (state: string) => `auth:oauth-state:${state}`;

export async function savePendingOAuth(
  store: OAuthStateStore,
  state: string,
  pending: PendingOAuth,
): Promise<void> {
  await store.set(keyOf(state), JSON.stringify(pending), { ex: OAUTH_STATE_TTL_SECONDS });
}

/**
 * Reads and deletes in one command, so a state works once even when two callbacks race. A
 * missing, expired, already-used or malformed entry is null: the callback treats all of them
 * as a state mismatch.
 */
export async function takePendingOAuth(store: OAuthStateStore, state: string): Promise<PendingOAuth | null> {
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(state)) return null;
  const raw = await store.getdel(keyOf(state));
  // The Upstash client parses JSON values by default; a raw client hands back the string.
  let value: unknown = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      return null;
    }
  }
  const parsed = zPendingOAuth.safeParse(value);
  return parsed.success ? parsed.data : null;
}
