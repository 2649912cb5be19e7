import type { AddressInfo } from "node:net";
import { adminRoutes } from "./admin.ts";
import { githubRoutes } from "./github.ts";
import { generateSigningKey, googleRoutes } from "./google.ts";
import { type ProviderRoute, startHttpServer } from "./http.ts";
import { ProviderStore } from "./store.ts";
import type { OidcClient, OidcUser } from "./types.ts";

export type { OidcClient, OidcProviderKind, OidcUser } from "./types.ts";

export interface OidcProviderOptions {
  /** 0 or unset picks a free port. */
  port?: number;
  clients?: OidcClient[];
  users?: OidcUser[];
  log?: (line: string) => void;
}

export interface OidcProvider {
  url: string;
  port: number;
  /** OAUTH_GOOGLE_ISSUER: discovery at `${issuer}/.well-known/openid-configuration`. */
  googleIssuer: string;
  /** OAUTH_GITHUB_AUTHORIZE_URL, OAUTH_GITHUB_TOKEN_URL, OAUTH_GITHUB_API_URL. */
  github: { authorizeUrl: string; tokenUrl: string; apiUrl: string };
  /** The public half of the ID-token signing key, as served at /jwks. */
  jwks: { keys: Record<string, unknown>[] };
  registerClient(client: OidcClient): void;
  /** Adds or replaces the user a sign-in with this email returns (also POST /__test/users). */
  setUser(user: OidcUser): void;
  close(): Promise<void>;
}

const GITHUB_API_PATH = "/api";

/**
 * A local stand-in for both sign-in providers, on one port: Google's OpenID Connect endpoints
 * at the root (the issuer) and GitHub's OAuth app endpoints under /login/oauth plus its REST API
 * under /api. It checks what the real ones check (client secret, exact redirect URI, PKCE S256,
 * single-use codes), so a client bug fails a test instead of production. /authorize signs in the
 * user named by `login_hint` (unknown emails become verified users) or shows a small form.
 */
export async function startOidcProvider(opts: OidcProviderOptions = {}): Promise<OidcProvider> {
  const log = opts.log ?? (() => {});
  const store = new ProviderStore();
  for (const client of opts.clients ?? []) store.registerClient(client);
  for (const user of opts.users ?? []) store.setUser(user);
  const key = await generateSigningKey();

  const routes: ProviderRoute[] = [];
  const server = await startHttpServer({ port: opts.port ?? 0, routes, log });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  // The issuer URL names the port, known only now; nobody can have called before it was printed.
  routes.push(
    ...adminRoutes(store, log),
    ...googleRoutes(url, key, store, log),
    ...githubRoutes(GITHUB_API_PATH, store, log),
  );
  log(`OIDC/OAuth stand-in listening on ${url} (google issuer ${url}, github ${url}/login/oauth)`);

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    googleIssuer: url,
    github: {
      authorizeUrl: `${url}/login/oauth/authorize`,
      tokenUrl: `${url}/login/oauth/access_token`,
      apiUrl: `${url}${GITHUB_API_PATH}`,
    },
    jwks: { keys: [{ ...key.publicJwk }] },
    registerClient: (client) => store.registerClient(client),
    setUser: (user) => void store.setUser(user),
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
