/**
 * Sentences for the `?error=` codes the API's OAuth callback redirects with
 * (packages/core/src/auth/oauth-errors.ts). Unknown codes get a generic sentence rather than
 * echoing whatever a crafted link carries.
 */
const messages: Record<string, string> = {
  oauth_provider_unknown: "That sign-in provider is not available.",
  oauth_denied: "Sign-in was cancelled at the provider.",
  oauth_state_invalid: "That sign-in link has expired or was opened in another browser. Please try again.",
  oauth_failed: "The provider could not confirm who you are. Please try again.",
  oauth_unavailable: "The provider could not be reached. Please try again in a moment.",
  oauth_email_unverified:
    "The provider has no verified email address for you, so we cannot sign you in with it.",
  oauth_account_unverified:
    "An account with this email exists but its address is not verified yet. Log in with your password and verify it first.",
  oauth_account_disabled: "This account is not active.",
};

export function oauthErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  return messages[code] ?? "Sign-in did not complete. Please try again.";
}
