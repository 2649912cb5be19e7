import { loadAccount, updateProfile } from "@hometrip/core";
import { authedProcedure } from "../../trpc.ts";
import {
  updateProfileMeta,
  ZUpdateProfileRequestSchema,
  ZUpdateProfileResponseSchema,
} from "./update-profile.types.ts";

/** Changes the caller's own profile; the input has no user id that could point elsewhere. */
export const updateProfileProcedure = authedProcedure
  .meta(updateProfileMeta)
  .input(ZUpdateProfileRequestSchema)
  .output(ZUpdateProfileResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { db, clock } = ctx.services;
    await updateProfile(db, ctx.actor.userId, input, clock.now());
    const account = await loadAccount(db, ctx.actor.userId);
    return { ...account, memberSince: account.memberSince.toISOString() };
  });
