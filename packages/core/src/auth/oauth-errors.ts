/**
 * Why a social sign-in did not finish, as the web app's login page receives it in `?error=`.
 * Codes are deliberately coarse: the page shows a sentence per code and the details go to logs.
 */
export const oauthErrorCodes = [
  /** The provider id in the URL is not one this deployment offers. */
  "oauth_provider_unknown",
  /** The person cancelled at the provider, or the provider refused the request. */
  "oauth_denied",
  /** Missing, expired, replayed or foreign state: the callback does not belong to a sign-in we started. */
  "oauth_state_invalid",
  /** Code exchange or token validation failed (wrong secret, PKCE, signature, nonce...). */
  "oauth_failed",
  /** The provider could not be reached or answered nonsense. */
  "oauth_unavailable",
  /** The provider vouches for no email address, so the identity cannot be tied to an account. */
  "oauth_email_unverified",
  /** An account with this email exists but its owner never verified it: see linkOrCreateOAuthUser. */
  "oauth_account_unverified",
  /** The account is suspended or deleted. */
  "oauth_account_disabled",
] as const;

export type OAuthErrorCode = (typeof oauthErrorCodes)[number];

export class OAuthSignInError extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "OAuthSignInError";
  }
}
