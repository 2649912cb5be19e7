import type { OidcClient } from "./types.ts";

/**
 * The OAuth clients `bun run dev` registers with the local provider, and the API settings that
 * point at them. Not secrets: they only open the stand-in, which never leaves 127.0.0.1.
 */
const devClients = {
  google: { clientId: "hometrip-dev-google", clientSecret: "hometrip-dev-google-secret" },
  github: { clientId: "hometrip-dev-github", clientSecret: "hometrip-dev-github-secret" },
};

/** The web origins the browser may use in dev; the callback is proxied from there to the API. */
export function devOAuthClients(webOrigins: string[]): OidcClient[] {
  return (["google", "github"] as const).map((provider) => ({
    provider,
    ...devClients[provider],
    redirectUris: webOrigins.map((origin) => `${origin}/auth/oauth/${provider}/callback`),
  }));
}

export function devOAuthSettings(provider: {
  googleIssuer: string;
  github: { authorizeUrl: string; tokenUrl: string; apiUrl: string };
}): Record<string, string> {
  return {
    OAUTH_GOOGLE_CLIENT_ID: devClients.google.clientId,
    OAUTH_GOOGLE_CLIENT_SECRET: devClients.google.clientSecret,
    OAUTH_GOOGLE_ISSUER: provider.googleIssuer,
    OAUTH_GITHUB_CLIENT_ID: devClients.github.clientId,
    OAUTH_GITHUB_CLIENT_SECRET: devClients.github.clientSecret,
    OAUTH_GITHUB_AUTHORIZE_URL: provider.github.authorizeUrl,
    OAUTH_GITHUB_TOKEN_URL: provider.github.tokenUrl,
    OAUTH_GITHUB_API_URL: provider.github.apiUrl,
  };
}
