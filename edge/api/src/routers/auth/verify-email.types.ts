import * as z from "zod";
import { ZIssuedTokensSchema, zTokenDelivery } from "../../auth/token-delivery.ts";
import { zOpaqueToken } from "./shared.types.ts";

export const ZVerifyEmailRequestSchema = z.object({ token: zOpaqueToken, tokenDelivery: zTokenDelivery });

export const ZVerifyEmailResponseSchema = z.object({
  ok: z.literal(true),
  /** True when this call started a session (the caller was signed out and has no second factor). */
  signedIn: z.boolean(),
  /** Only with `tokenDelivery: "body"` when signed in; browsers get httpOnly cookies instead. */
  tokens: ZIssuedTokensSchema.optional(),
});
