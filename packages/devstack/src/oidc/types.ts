export type OidcProviderKind = "google" | "github";

/** An OAuth client the stand-in knows, as registered in the provider's console in production. */
export interface OidcClient {
  provider: OidcProviderKind;
  clientId: string;
  clientSecret: string;
  /** Exact-match allow-list, as Google and GitHub enforce it (no prefix or wildcard matching). */
  redirectUris: string[];
}

/** A person the stand-in can sign in; what the provider says about their email is the point. */
export interface OidcUser {
  /** Google's `sub`; GitHub's numeric `id` is derived from it. */
  sub: string;
  email: string;
  email_verified: boolean;
  name?: string;
  /** GitHub login; defaults to the email's local part. */
  login?: string;
  /** GitHub's /user/emails list; defaults to the one email above, primary, with its verified flag. */
  emails?: { email: string; verified: boolean; primary: boolean }[];
}

export type Log = (line: string) => void;
