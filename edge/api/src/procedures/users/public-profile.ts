import { AppError } from "@hometrip/contracts";
import { findPublicProfile } from "@hometrip/core";
import { publicProcedure } from "../../trpc.ts";
import {
  publicProfileMeta,
  ZPublicProfileRequestSchema,
  ZPublicProfileResponseSchema,
} from "./public-profile.types.ts";

/** A member as anyone sees them; closed and suspended accounts look like unknown ones. */
export const publicProfileProcedure = publicProcedure
  .meta(publicProfileMeta)
  .input(ZPublicProfileRequestSchema)
  .output(ZPublicProfileResponseSchema)
  .query(async ({ ctx, input }) => {
    const profile = await findPublicProfile(ctx.services.db, input.userId);
    if (!profile) throw new AppError("NOT_FOUND", "No such member");
    return { ...profile, memberSince: profile.memberSince.toISOString() };
  });
