import * as oauth from "oauth4webapi";
import { OAuthSignInError } from "./oauth-errors.ts";
import { completeGithubSignIn, githubAuthorizationUrl } from "./oauth-github.ts";
import { completeGoogleSignIn, googleAuthorizationUrl } from "./oauth-google.ts";
import type { OAuthProvider, OAuthProviderId } from "./oauth-providers.ts";

/** Who the provider says signed in. `email` is null when the provider vouches for none. */
export type OAuthIdentity = {
  provider: OAuthProviderId;
  /** The provider's stable account id (Google `sub`, GitHub numeric id), never the email. */
  accountId: string;
  email: string | null;
  emailVerified: boolean;
  displayName: string | null;
};

export type OAuthStart = {
  authorizationUrl: URL;
  state: string;
  codeVerifier: string;
  /** OpenID Connect only: bound into the ID token, so a token from another sign-in is refused. */
  nonce: string | null;
};

/** Fresh state, PKCE verifier and (for OIDC) nonce, and the provider URL to send the browser to. */
export async function beginOAuthSignIn(provider: OAuthProvider, redirectUri: string): Promise<OAuthStart> {
  const state = oauth.generateRandomState();
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const codeChallenge = await oauth.calculatePKCECodeChallenge(codeVerifier);
  try {
    if (provider.kind === "oidc") {
      const nonce = oauth.generateRandomNonce();
      const authorizationUrl = await googleAuthorizationUrl(provider, {
        redirectUri,
        state,
        codeChallenge,
        nonce,
      });
      return { authorizationUrl, state, codeVerifier, nonce };
    }
    const authorizationUrl = githubAuthorizationUrl(provider, { redirectUri, state, codeChallenge });
    return { authorizationUrl, state, codeVerifier, nonce: null };
  } catch (error) {
    throw asSignInError(error);
  }
}

/**
 * Validates the callback against the state we kept (error responses, state, issuer), redeems the
 * code with the PKCE verifier and returns the identity. Everything that fails is an OAuthSignInError.
 */
export async function completeOAuthSignIn(
  provider: OAuthProvider,
  input: {
    callbackParams: URLSearchParams;
    redirectUri: string;
    state: string;
    codeVerifier: string;
    nonce: string | null;
  },
): Promise<OAuthIdentity> {
  try {
    if (provider.kind === "oidc") {
      if (!input.nonce)
        throw new OAuthSignInError("oauth_state_invalid", "no nonce kept for an OpenID Connect sign-in");
      return await completeGoogleSignIn(provider, { ...input, nonce: input.nonce });
    }
    return await completeGithubSignIn(provider, input);
  } catch (error) {
    throw asSignInError(error);
  }
}

/** oauth4webapi's error classes, sorted into what the login page can say about them. */
function asSignInError(error: unknown): OAuthSignInError {
  if (error instanceof OAuthSignInError) return error;
  if (error instanceof oauth.AuthorizationResponseError) {
    const denied = error.error === "access_denied";
    return new OAuthSignInError(
      denied ? "oauth_denied" : "oauth_failed",
      `provider refused: ${error.error}`,
      {
        cause: error,
      },
    );
  }
  if (error instanceof oauth.ResponseBodyError || error instanceof oauth.WWWAuthenticateChallengeError) {
    return new OAuthSignInError("oauth_failed", `provider rejected the request: ${error.message}`, {
      cause: error,
    });
  }
  if (error instanceof oauth.OperationProcessingError) {
    const code = error.code === oauth.RESPONSE_IS_NOT_CONFORM ? "oauth_unavailable" : "oauth_failed";
    return new OAuthSignInError(code, error.message, { cause: error });
  }
  return new OAuthSignInError("oauth_unavailable", error instanceof Error ? error.message : String(error), {
    cause: error,
  });
}
