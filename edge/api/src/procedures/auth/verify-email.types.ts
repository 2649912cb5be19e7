import * as z from "zod";
import { ZIssuedTokensSchema, zTokenDelivery } from "../../auth/token-delivery.ts";
import type { TrpcMeta } from "../../trpc.ts";
import { zOpaqueToken } from "./shared.types.ts";

export const ZVerifyEmailRequestSchema = z.object({ token: zOpaqueToken, tokenDelivery: zTokenDelivery });

export const ZVerifyEmailResponseSchema = z.object({
  ok: z.literal(true),
  /** True when this call started a session (the caller was signed out and has no second factor). */
  signedIn: z.boolean(),
  /** Only with `tokenDelivery: "body"` when signed in; browsers get httpOnly cookies instead. */
  tokens: ZIssuedTokensSchema.optional(),
});
export type TVerifyEmailRequest = z.input<typeof ZVerifyEmailRequestSchema>;
export type TVerifyEmailResponse = z.output<typeof ZVerifyEmailResponseSchema>;

export const verifyEmailMeta = {
  summary: "Verify the account's email with the mailed token",
} satisfies TrpcMeta;
