export const oauthProviderIds = ["google", "github"] as const;
export type OAuthProviderId = (typeof oauthProviderIds)[number];

/** The OAuth settings of the API Worker (see edgeIdentityShape in @hometrip/config). */
export type OAuthSettings = {
  APP_ENV: string;
  OAUTH_GOOGLE_CLIENT_ID?: string | undefined;
  OAUTH_GOOGLE_CLIENT_SECRET?: string | undefined;
  OAUTH_GOOGLE_ISSUER: string;
  OAUTH_GITHUB_CLIENT_ID?: string | undefined;
  OAUTH_GITHUB_CLIENT_SECRET?: string | undefined;
  OAUTH_GITHUB_AUTHORIZE_URL: string;
  OAUTH_GITHUB_TOKEN_URL: string;
  OAUTH_GITHUB_API_URL: string;
};

type ProviderBase = {
  id: OAuthProviderId;
  name: string;
  clientId: string;
  clientSecret: string;
  /**
   * oauth4webapi refuses plain-http endpoints, rightly: tokens would cross the network in clear.
   * The local stand-in speaks http on the loopback interface only, so http is allowed exactly
   * when every endpoint is loopback and APP_ENV is development or test; never in production.
   */
  allowInsecureRequests: boolean;
};

export type OAuthProvider =
  | (ProviderBase & { id: "google"; kind: "oidc"; issuer: string })
  | (ProviderBase & { id: "github"; kind: "github"; authorizeUrl: string; tokenUrl: string; apiUrl: string });

/**
 * The providers this deployment offers. One is offered only when both its client id and secret
 * are set: a half-configured provider would show a button that always fails.
 */
export function configuredOAuthProviders(settings: OAuthSettings): OAuthProvider[] {
  const providers: OAuthProvider[] = [];
  const local = settings.APP_ENV === "development" || settings.APP_ENV === "test";
  if (settings.OAUTH_GOOGLE_CLIENT_ID && settings.OAUTH_GOOGLE_CLIENT_SECRET) {
    providers.push({
      id: "google",
      kind: "oidc",
      name: "Google",
      clientId: settings.OAUTH_GOOGLE_CLIENT_ID,
      clientSecret: settings.OAUTH_GOOGLE_CLIENT_SECRET,
      issuer: settings.OAUTH_GOOGLE_ISSUER.replace(/\/+$/, ""),
      allowInsecureRequests: local && isLoopback(settings.OAUTH_GOOGLE_ISSUER),
    });
  }
  if (settings.OAUTH_GITHUB_CLIENT_ID && settings.OAUTH_GITHUB_CLIENT_SECRET) {
    const endpoints = [
      settings.OAUTH_GITHUB_AUTHORIZE_URL,
      settings.OAUTH_GITHUB_TOKEN_URL,
      settings.OAUTH_GITHUB_API_URL,
    ];
    providers.push({
      id: "github",
      kind: "github",
      name: "GitHub",
      clientId: settings.OAUTH_GITHUB_CLIENT_ID,
      clientSecret: settings.OAUTH_GITHUB_CLIENT_SECRET,
      authorizeUrl: settings.OAUTH_GITHUB_AUTHORIZE_URL,
      tokenUrl: settings.OAUTH_GITHUB_TOKEN_URL,
      apiUrl: settings.OAUTH_GITHUB_API_URL.replace(/\/+$/, ""),
      allowInsecureRequests: local && endpoints.every(isLoopback),
    });
  }
  return providers;
}

export function findOAuthProvider(settings: OAuthSettings, id: string): OAuthProvider | undefined {
  return configuredOAuthProviders(settings).find((p) => p.id === id);
}

function isLoopback(url: string): boolean {
  const { hostname } = new URL(url);
  return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
}
