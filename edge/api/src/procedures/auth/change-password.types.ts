import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";
import { zNewPassword, zPresentedPassword } from "./shared.types.ts";

export const ZChangePasswordRequestSchema = z.object({
  currentPassword: zPresentedPassword,
  newPassword: zNewPassword,
});

export const ZChangePasswordResponseSchema = z.object({
  /** How many other sessions were ended; this one stays signed in. */
  endedSessions: z.number().int().nonnegative(),
});
export type TChangePasswordRequest = z.input<typeof ZChangePasswordRequestSchema>;
export type TChangePasswordResponse = z.output<typeof ZChangePasswordResponseSchema>;

export const changePasswordMeta = { summary: "Change the password; other sessions end" } satisfies TrpcMeta;
