import * as z from "zod";
import { ZSignedInSchema } from "../../auth/sign-in.ts";
import { zTokenDelivery } from "../../auth/token-delivery.ts";
import type { TrpcMeta } from "../../trpc.ts";
import { zEmail, zPresentedPassword } from "./shared.types.ts";

export const ZLogInRequestSchema = z.object({
  email: zEmail,
  password: zPresentedPassword,
  tokenDelivery: zTokenDelivery,
});

export const ZLogInResponseSchema = z.discriminatedUnion("status", [
  ZSignedInSchema,
  z.object({
    status: z.literal("two_factor_required"),
    /** Pass to auth.completeTwoFactor with a code; valid for a few minutes. */
    challengeToken: z.string(),
  }),
]);
export type TLogInRequest = z.input<typeof ZLogInRequestSchema>;
export type TLogInResponse = z.output<typeof ZLogInResponseSchema>;

export const logInMeta = { summary: "Sign in with email and password" } satisfies TrpcMeta;
