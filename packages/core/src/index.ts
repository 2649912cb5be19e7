export {
  type AccessClaims,
  accessTokenAudience,
  accessTokenIssuer,
  type SigningKey,
  signAccessToken,
  verifyAccessToken,
} from "./auth/access-token.ts";
export {
  emailAlreadyUsed,
  findUserByEmail,
  invalidLink,
  memberToSignInAfterVerification,
  requestEmailVerification,
  signUp,
  verifyEmail,
} from "./auth/accounts.ts";
export {
  type ApiKeyActor,
  type ApiKeyScope,
  type ApiKeySummary,
  apiKeyScopes,
  authenticateApiKey,
  createApiKey,
  listApiKeys,
  looksLikeApiKey,
  MAX_ACTIVE_API_KEYS,
  revokeApiKey,
} from "./auth/api-keys.ts";
export { consumeEmailToken, type EmailTokenPurpose, issueEmailToken } from "./auth/email-tokens.ts";
export { checkPassword, loadSignedInUser, type SignedInUser } from "./auth/log-in.ts";
export { linkOrCreateOAuthUser, type OAuthAccountOutcome } from "./auth/oauth-account.ts";
export {
  beginOAuthSignIn,
  completeOAuthSignIn,
  type OAuthIdentity,
  type OAuthStart,
} from "./auth/oauth-client.ts";
export { type OAuthErrorCode, OAuthSignInError, oauthErrorCodes } from "./auth/oauth-errors.ts";
export {
  configuredOAuthProviders,
  findOAuthProvider,
  type OAuthProvider,
  type OAuthProviderId,
  type OAuthSettings,
  oauthProviderIds,
} from "./auth/oauth-providers.ts";
export { safeRedirectPath } from "./auth/oauth-redirect.ts";
export {
  OAUTH_STATE_TTL_SECONDS,
  type OAuthStateStore,
  type PendingOAuth,
  savePendingOAuth,
  takePendingOAuth,
} from "./auth/oauth-state.ts";
export {
  hashPassword,
  needsRehash,
  type PasswordHashParams,
  passwordHashParams,
  verifyDummyPassword,
  verifyPassword,
} from "./auth/password.ts";
export {
  isCommonPassword,
  passwordContextIssue,
  passwordMaxLength,
  passwordMinLength,
  passwordPolicyIssue,
} from "./auth/password-policy.ts";
export { changePassword, requestPasswordReset, resetPassword } from "./auth/passwords.ts";
export { RECOVERY_CODE_COUNT } from "./auth/recovery-codes.ts";
export { hasHostProfile, isActiveAdmin } from "./auth/roles.ts";
export {
  listSessions,
  revokeAllSessions,
  revokeSession,
  revokeSessionByRefreshToken,
} from "./auth/session-management.ts";
export {
  type IssuedTokens,
  type RevokedSessions,
  rotateRefreshToken,
  type SessionConfig,
  startSession,
} from "./auth/sessions.ts";
export { hashToken, randomToken } from "./auth/tokens.ts";
export {
  hotp,
  matchTotp,
  otpauthUri,
  TOTP_DIGITS,
  TOTP_PERIOD_SECONDS,
  totpCode,
  totpStep,
} from "./auth/totp.ts";
export { base32Decode, base32Encode } from "./auth/totp-base32.ts";
export {
  beginTotpEnrolment,
  confirmTotpEnrolment,
  disableTwoFactor,
  regenerateRecoveryCodes,
  TOTP_ISSUER,
  type TwoFactorStatus,
  twoFactorRequired,
  twoFactorStatus,
} from "./auth/two-factor.ts";
export {
  issueTwoFactorChallenge,
  TWO_FACTOR_CHALLENGE_TTL_SECONDS,
  type TwoFactorChallenge,
  verifyTwoFactorChallenge,
} from "./auth/two-factor-challenge.ts";
export { importTwoFactorKeys, type TwoFactorKeys } from "./auth/two-factor-keys.ts";
export { type SecondFactor, verifySecondFactor } from "./auth/two-factor-verify.ts";
export * from "./bookings/index.ts";
export * from "./calendar/index.ts";
export * from "./email/index.ts";
export { type CommittedEvents, type RecordedEvent, trackCommittedEvents } from "./events/event-log.ts";
export { type CacheInvalidation, invalidationsFor } from "./events/invalidations.ts";
export { type PostCommitTargets, runPostCommit } from "./events/post-commit.ts";
export {
  createQStashPublisher,
  type EventPublisher,
  type QStashPublisherOptions,
} from "./events/publisher.ts";
export { recordEvent } from "./events/record-event.ts";
export { type RelayOutboxOptions, type RelayOutboxResult, relayOutbox } from "./events/relay-outbox.ts";
export * from "./listings/index.ts";
export { describeError, type Logger, silentLogger, withLogFields } from "./logger.ts";
export * from "./messaging/index.ts";
export * from "./metrics/index.ts";
export * from "./notifications/index.ts";
export {
  conversationParticipant,
  managedBlockListing,
  managedListing,
  ownApiKey,
  ownNotification,
  ownSession,
} from "./ownership.ts";
export * from "./payments/index.ts";
export * from "./places/index.ts";
export * from "./pricing/index.ts";
export * from "./realtime/index.ts";
export { recordSystemPing } from "./system/record-system-ping.ts";
export * from "./users/index.ts";
