import { router } from "../../trpc.ts";
import { changePasswordProcedure } from "./change-password.ts";
import { completeTwoFactorProcedure } from "./complete-two-factor.ts";
import { listSessionsProcedure } from "./list-sessions.ts";
import { logInProcedure } from "./log-in.ts";
import { logOutProcedure } from "./log-out.ts";
import { logOutEverywhereProcedure } from "./log-out-everywhere.ts";
import { oauthProvidersProcedure } from "./oauth-providers.ts";
import { refreshProcedure } from "./refresh.ts";
import { requestEmailVerificationProcedure } from "./request-email-verification.ts";
import { requestPasswordResetProcedure } from "./request-password-reset.ts";
import { resetPasswordProcedure } from "./reset-password.ts";
import { revokeSessionProcedure } from "./revoke-session.ts";
import { signUpProcedure } from "./sign-up.ts";
import { twoFactorRouter } from "./two-factor/index.ts";
import { verifyEmailProcedure } from "./verify-email.ts";

/** Accounts and sessions: one file per procedure, composed here. */
export const authRouter = router({
  signUp: signUpProcedure,
  requestEmailVerification: requestEmailVerificationProcedure,
  verifyEmail: verifyEmailProcedure,
  logIn: logInProcedure,
  refresh: refreshProcedure,
  logOut: logOutProcedure,
  logOutEverywhere: logOutEverywhereProcedure,
  requestPasswordReset: requestPasswordResetProcedure,
  resetPassword: resetPasswordProcedure,
  changePassword: changePasswordProcedure,
  listSessions: listSessionsProcedure,
  revokeSession: revokeSessionProcedure,
  completeTwoFactor: completeTwoFactorProcedure,
  oauthProviders: oauthProvidersProcedure,
  twoFactor: twoFactorRouter,
});
