import { router } from "../../../trpc.ts";
import { beginEnrolmentProcedure } from "./begin-enrolment.ts";
import { confirmEnrolmentProcedure } from "./confirm-enrolment.ts";
import { disableProcedure } from "./disable.ts";
import { regenerateRecoveryCodesProcedure } from "./regenerate-recovery-codes.ts";
import { statusProcedure } from "./status.ts";

/** auth.twoFactor.*: managing the second factor. Session only: an API key can never touch it. */
export const twoFactorRouter = router({
  status: statusProcedure,
  beginEnrolment: beginEnrolmentProcedure,
  confirmEnrolment: confirmEnrolmentProcedure,
  disable: disableProcedure,
  regenerateRecoveryCodes: regenerateRecoveryCodesProcedure,
});
