import { zUserRole } from "@hometrip/contracts";
import { type SignedInUser, startSession } from "@hometrip/core";
import * as z from "zod";
import type { TrpcContext } from "../trpc.ts";
import { sessionConfigOf } from "./session-config.ts";
import { deliverTokens, type TokenDelivery, ZIssuedTokensSchema } from "./token-delivery.ts";

export const ZSignedInUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: zUserRole,
  isHost: z.boolean(),
  emailVerified: z.boolean(),
});

export const ZSignedInSchema = z.object({
  status: z.literal("signed_in"),
  user: ZSignedInUserSchema,
  /** Only with `tokenDelivery: "body"`; browsers get httpOnly cookies instead. */
  tokens: ZIssuedTokensSchema.optional(),
});

/** Starts a session for a user who proved who they are, and hands over the tokens. */
export async function signIn(
  ctx: Pick<TrpcContext, "services" | "setCookie" | "ip" | "userAgent">,
  user: SignedInUser,
  delivery: TokenDelivery,
): Promise<z.infer<typeof ZSignedInSchema>> {
  const tokens = await startSession(
    ctx.services.db,
    { userId: user.id, userAgent: ctx.userAgent, ip: ctx.ip },
    sessionConfigOf(ctx.services),
  );
  const delivered = deliverTokens(ctx, tokens, delivery);
  return { status: "signed_in", user, ...(delivered ? { tokens: delivered } : {}) };
}
