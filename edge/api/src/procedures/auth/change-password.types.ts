import * as z from "zod";
import { zNewPassword, zPresentedPassword } from "./shared.types.ts";

export const ZChangePasswordRequestSchema = z.object({
  currentPassword: zPresentedPassword,
  newPassword: zNewPassword,
});

export const ZChangePasswordResponseSchema = z.object({
  /** How many other sessions were ended; this one stays signed in. */
  endedSessions: z.number().int().nonnegative(),
});
